package org.blended.integration.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The file-drop intake: JSON files dropped into {@code directory} are assessed; decided files
 * move to {@code directory/done}, refused ones to {@code directory/error} with a
 * {@code .reason.txt} beside them.
 */
@ConfigurationProperties("blended.intake.file")
public record FileIntakeProperties(Boolean enabled, String directory, Long pollDelayMillis) {

    public FileIntakeProperties {
        enabled = enabled == null || enabled;
        directory = directory == null || directory.isBlank() ? "intake/applications" : directory;
        pollDelayMillis = pollDelayMillis == null ? 1000L : pollDelayMillis;
    }
}

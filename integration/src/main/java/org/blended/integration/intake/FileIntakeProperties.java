package org.blended.integration.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The file-drop intake: each lender has a folder {@code directory/<lender code>}; JSON files
 * dropped there are assessed; decided files move to its {@code done} folder, refused ones to its
 * {@code error} folder with a {@code .reason.txt} beside them.
 */
@ConfigurationProperties("blended.intake.file")
public record FileIntakeProperties(Boolean enabled, String directory, Long pollDelayMillis, Long maxFileBytes) {

    public FileIntakeProperties {
        enabled = enabled == null || enabled;
        directory = directory == null || directory.isBlank() ? "intake/applications" : directory;
        pollDelayMillis = pollDelayMillis == null ? 1000L : pollDelayMillis;
        maxFileBytes = maxFileBytes == null ? 1_048_576L : maxFileBytes;
    }
}

package org.blended.integration.file;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The file-drop intake: each lender has a folder {@code directory/<lender code>}; JSON and CSV
 * files dropped there are assessed; decided files move to its {@code done} folder, refused ones to
 * its {@code error} folder with a {@code .reason.txt} beside them. A file of one application may
 * have at most {@code maxFileBytes}. How often the folders are read,
 * {@code blended.intake.file.poll-delay-millis}, is read by the route as a property placeholder.
 */
@ConfigurationProperties("blended.intake.file")
public record FileIntakeProperties(Boolean enabled, String directory, Long maxFileBytes) {

    public FileIntakeProperties {
        enabled = enabled == null || enabled;
        directory = directory == null || directory.isBlank() ? "intake/applications" : directory;
        maxFileBytes = maxFileBytes == null ? 1_048_576L : maxFileBytes;
    }

    /** {@code directory}, relative to the working directory unless it is absolute already. */
    Path absoluteDirectory() {
        return Path.of(directory).toAbsolutePath();
    }
}

package org.blended.integration.batch;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Batches: {@code chunkSize} applications are stored per transaction (bigger is faster, and a
 * restart redoes at most one chunk); API batches are spooled under {@code spoolDirectory} until
 * done, so a restart resumes them; a posted batch may have at most {@code maxBytes}.
 */
@ConfigurationProperties("blended.intake.batch")
public record BatchProperties(Integer chunkSize, String spoolDirectory, Long maxBytes, Long pollDelayMillis) {

    public BatchProperties {
        chunkSize = chunkSize == null ? 100 : chunkSize;
        spoolDirectory = spoolDirectory == null || spoolDirectory.isBlank() ? "data/batches" : spoolDirectory;
        maxBytes = maxBytes == null ? 512L * 1024 * 1024 : maxBytes;
        pollDelayMillis = pollDelayMillis == null ? 500L : pollDelayMillis;
    }
}

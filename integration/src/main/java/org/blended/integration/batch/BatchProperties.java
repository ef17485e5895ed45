package org.blended.integration.batch;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Batches: {@code chunkSize} applications are stored per transaction (bigger is faster, and a
 * restart redoes at most one chunk); API batches are spooled under {@code spoolDirectory} until
 * done, so a restart resumes them; a posted batch may have at most {@code maxBytes}. An instance
 * holds a batch it works on for {@code leaseMillis}, renewed a few times per lease while it works:
 * once an instance stops (even by kill -9), its batches are taken over about a lease later. Up to
 * {@code concurrentBatches} batches (and dropped files) are worked on at once per instance, so a
 * large one does not hold up those sent after it. How often the spool is read,
 * {@code blended.intake.batch.poll-delay-millis}, is read by the route as a property placeholder.
 */
@ConfigurationProperties("blended.intake.batch")
public record BatchProperties(Integer chunkSize, String spoolDirectory, Long maxBytes, Long leaseMillis,
                              Integer concurrentBatches) {

    public BatchProperties {
        chunkSize = chunkSize == null ? 100 : chunkSize;
        spoolDirectory = spoolDirectory == null || spoolDirectory.isBlank() ? "data/batches" : spoolDirectory;
        maxBytes = maxBytes == null ? 512L * 1024 * 1024 : maxBytes;
        leaseMillis = leaseMillis == null ? 30_000L : leaseMillis;
        concurrentBatches = concurrentBatches == null ? 4 : concurrentBatches;
    }

    /** {@code spoolDirectory}, relative to the working directory unless it is absolute already. */
    Path absoluteSpoolDirectory() {
        return Path.of(spoolDirectory).toAbsolutePath();
    }
}

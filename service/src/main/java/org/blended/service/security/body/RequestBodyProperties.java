package org.blended.service.security.body;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How request bodies are received before a request is handled (see {@link RequestBodyFilter}).
 *
 * @param grace how long any body may take to arrive
 * @param minBytesPerSecond each such many bytes received buy one second more: a body too slow for this is answered
 *                          408 (a 256 KiB application at the defaults may take 10 s + 64 s; a byte every few seconds
 *                          is cut at 10 s)
 * @param memoryThreshold a body up to this size is held in memory, a larger one in a temporary file
 * @param maxBuffered bytes held for all bodies together, being received or handled; past it a new body is answered
 *                    503 with Retry-After, so that many large bodies at once cannot fill the memory or the disk
 */
@ConfigurationProperties("blended.security.request-body")
record RequestBodyProperties(Duration grace, Long minBytesPerSecond, DataSize memoryThreshold, DataSize maxBuffered) {

    RequestBodyProperties {
        grace = grace == null ? Duration.ofSeconds(10) : grace;
        minBytesPerSecond = minBytesPerSecond == null ? 4096L : minBytesPerSecond;
        memoryThreshold = memoryThreshold == null ? DataSize.ofKilobytes(32) : memoryThreshold;
        maxBuffered = maxBuffered == null ? DataSize.ofGigabytes(2) : maxBuffered;
        if (grace.isNegative() || minBytesPerSecond < 1) {
            throw new IllegalArgumentException("blended.security.request-body: grace must not be negative, "
                    + "min-bytes-per-second must be at least 1");
        }
    }

    /** How long a body may have taken once it has received this many bytes. */
    long allowedNanos(long received) {
        return grace.toNanos() + (long) (received * 1e9 / minBytesPerSecond);
    }
}

package org.blended.integration.batch;

import java.util.UUID;

import org.blended.integration.submission.Channel;

/** What is known of a batch before its first row is read; {@code sizeBytes} may be unknown (null). */
public record BatchStart(UUID batchId, UUID lenderId, Channel channel, String source, BatchFormat format, Long sizeBytes) {
}

package org.blended.integration.submission;

import java.util.UUID;

/**
 * An application as it arrived, before anything was read from it.
 *
 * @param payload the raw bytes (JSON)
 * @param channel how it came
 * @param source where from within the channel: a file name, a message id, a client address
 * @param lenderId the lender it belongs to, established by the channel (API key, folder, broker
 *                 user), never read from the payload
 * @param batchId the batch it is part of, or null when it came alone
 * @param batchRow its position in that batch, from 1
 */
public record Submission(byte[] payload, Channel channel, String source, UUID lenderId, UUID batchId, Integer batchRow) {

    private static final int MAX_SOURCE = 255;

    public Submission(byte[] payload, Channel channel, String source, UUID lenderId) {
        this(payload, channel, source, lenderId, null, null);
    }

    /**
     * Where a submission came from, as stored with it: a message id or file name is the sender's
     * choice, so it is made storable and cut to the column's {@value #MAX_SOURCE} characters.
     */
    public static String storableSource(String source) {
        return StorableText.of(source, MAX_SOURCE);
    }
}

package org.blended.integration.intake;

import java.util.UUID;

/**
 * An application as it arrived, before anything was read from it.
 *
 * @param payload the raw bytes (JSON)
 * @param channel how it came
 * @param source where from within the channel: a file name, a message id, a client address
 * @param lenderId the lender it belongs to, established by the channel (API key, folder, broker
 *                 user), never read from the payload
 */
public record Submission(byte[] payload, Channel channel, String source, UUID lenderId) {
}

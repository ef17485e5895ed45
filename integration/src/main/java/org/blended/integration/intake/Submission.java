package org.blended.integration.intake;

/**
 * An application as it arrived, before anything was read from it.
 *
 * @param payload the raw bytes (JSON)
 * @param channel how it came
 * @param source where from within the channel: a file name, a message id, a client address
 */
public record Submission(byte[] payload, Channel channel, String source) {
}

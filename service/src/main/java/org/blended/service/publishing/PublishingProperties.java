package org.blended.service.publishing;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Decisions out: each decision is published to {@code exchange} (a durable topic exchange) with
 * the lender's code as routing key. Off on the embedded default, which has no broker; decisions
 * wait in the outbox until it is on.
 */
@ConfigurationProperties("blended.decisions")
record PublishingProperties(Boolean enabled, String exchange, Long pollMillis, Integer batchSize) {

    public PublishingProperties {
        enabled = enabled != null && enabled;
        exchange = exchange == null ? "blended.decisions" : exchange;
        pollMillis = pollMillis == null ? 500L : pollMillis;
        batchSize = batchSize == null ? 200 : batchSize;
    }
}

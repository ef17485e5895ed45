package org.blended.integration.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The RabbitMQ intake: lenders publish application messages (JSON) to {@code exchange}; they
 * are consumed from the durable {@code queue}; refused messages go to {@code deadLetterQueue}.
 * A message belongs to the lender whose code is the broker user that published it, which
 * RabbitMQ vouches for through the validated {@code user_id} property. Messages are stored
 * {@code chunkSize} at a time (or what arrived within {@code chunkWaitMillis}); {@code prefetch}
 * should be at least {@code chunkSize}. Connection settings
 * (host, port, user, password) are Spring Boot's {@code spring.rabbitmq.*}.
 */
@ConfigurationProperties("blended.intake.queue")
public record QueueIntakeProperties(Boolean enabled, String exchange, String queue, String routingKey,
                                    String deadLetterExchange, String deadLetterQueue, Integer consumers,
                                    Integer prefetch, Integer chunkSize, Long chunkWaitMillis) {

    public QueueIntakeProperties {
        enabled = enabled != null && enabled;
        exchange = exchange == null ? "blended.applications" : exchange;
        queue = queue == null ? "blended.applications" : queue;
        routingKey = routingKey == null ? "applications" : routingKey;
        deadLetterExchange = deadLetterExchange == null ? "blended.applications.dlx" : deadLetterExchange;
        deadLetterQueue = deadLetterQueue == null ? "blended.applications.dlq" : deadLetterQueue;
        consumers = consumers == null ? 2 : consumers;
        prefetch = prefetch == null ? 250 : prefetch;
        chunkSize = chunkSize == null ? 100 : chunkSize;
        chunkWaitMillis = chunkWaitMillis == null ? 50L : chunkWaitMillis;
    }
}

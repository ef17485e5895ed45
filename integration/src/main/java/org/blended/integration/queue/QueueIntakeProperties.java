package org.blended.integration.queue;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The RabbitMQ intake: lenders publish application messages (JSON) to an exchange; they are
 * consumed from a durable queue; refused messages go to a dead-letter queue. A message belongs to
 * the lender whose code is the broker user that published it, which RabbitMQ vouches for through
 * the validated {@code user_id} property. Messages are stored {@code chunkSize} at a time (or what
 * arrived within {@code chunkWaitMillis}).
 * <p>
 * Where and how the route consumes is read by the route itself as property placeholders, all set
 * in application.yml: {@code blended.intake.queue.exchange}, {@code .queue}, {@code .routing-key},
 * {@code .dead-letter-exchange}, {@code .dead-letter-queue}, {@code .consumers} and
 * {@code .prefetch} (at least {@code chunk-size}). Connection settings (host, port, user,
 * password) are Spring Boot's {@code spring.rabbitmq.*}.
 */
@ConfigurationProperties("blended.intake.queue")
record QueueIntakeProperties(Boolean enabled, Integer chunkSize, Long chunkWaitMillis) {

    QueueIntakeProperties {
        enabled = enabled != null && enabled;
        chunkSize = chunkSize == null ? 100 : chunkSize;
        chunkWaitMillis = chunkWaitMillis == null ? 50L : chunkWaitMillis;
    }
}

package org.blended.integration.queue;

import static org.blended.integration.submission.IntakeRoutes.CHANNEL;
import static org.blended.integration.submission.IntakeRoutes.LENDER;
import static org.blended.integration.submission.IntakeRoutes.SOURCE;

import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.processor.aggregate.GroupedExchangeAggregationStrategy;
import org.blended.integration.submission.ApplicationIntake;
import org.blended.integration.submission.Channel;
import org.blended.integration.submission.Lenders;
import org.blended.integration.submission.RetryProperties;
import org.blended.integration.submission.Submission;
import org.blended.integration.submission.TransientIntakeException;
import org.blended.integration.submission.UnattributedSubmissionException;
import org.springframework.amqp.rabbit.config.RetryInterceptorBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.retry.interceptor.RetryOperationsInterceptor;
import org.springframework.retry.policy.NeverRetryPolicy;
import org.springframework.stereotype.Component;

/**
 * Messages are gathered per lender into chunks (up to {@code chunkSize}, or whatever came within
 * {@code chunkWaitMillis}) and stored in one transaction, and each is acknowledged by hand only
 * once that transaction has committed: a crash before means redelivery, and the (lender,
 * reference) check answers a redelivered application with its first decision.
 */
@Component
@EnableConfigurationProperties(QueueIntakeProperties.class)
class QueueIntakeRoutes extends RouteBuilder {

    static final String BROKER_USER = "CamelSpringRabbitmqUserId";
    /** The queue consumer's retry advice; see {@link QueueFailureRecoverer}. */
    static final String QUEUE_RETRY = "blendedQueueRetry";
    private static final String APPLICATIONS = "spring-rabbitmq:{{blended.intake.queue.exchange}}"
            + "?queues={{blended.intake.queue.queue}}&routingKey={{blended.intake.queue.routing-key}}&autoDeclare=true"
            + "&deadLetterExchange={{blended.intake.queue.dead-letter-exchange}}"
            + "&deadLetterQueue={{blended.intake.queue.dead-letter-queue}}"
            + "&deadLetterRoutingKey={{blended.intake.queue.dead-letter-queue}}"
            + "&acknowledgeMode=MANUAL&concurrentConsumers={{blended.intake.queue.consumers}}"
            + "&prefetchCount={{blended.intake.queue.prefetch}}&retry=#" + QUEUE_RETRY;
    private static final String CHUNK = "direct:queue-chunk";

    private final ApplicationIntake intake;
    private final Lenders lenders;
    private final QueueIntakeProperties queue;
    private final RetryProperties retry;

    QueueIntakeRoutes(ApplicationIntake intake, Lenders lenders, QueueIntakeProperties queue, RetryProperties retry) {
        this.intake = intake;
        this.lenders = lenders;
        this.queue = queue;
        this.retry = retry;
    }

    /** No consumer-side retries: the route retries transient failures itself; the recoverer sorts the rest. */
    @Bean(QUEUE_RETRY)
    static RetryOperationsInterceptor queueRetry() {
        return RetryInterceptorBuilder.stateless().retryPolicy(new NeverRetryPolicy())
                .recoverer(new QueueFailureRecoverer()).build();
    }

    @Override
    public void configure() {
        if (!queue.enabled()) {
            return;
        }
        from(APPLICATIONS).routeId("queue-intake")
                .setHeader(CHANNEL, constant(Channel.QUEUE))
                .process(exchange -> {
                    String messageId = exchange.getMessage().getHeader("CamelSpringRabbitmqMessageId", String.class);
                    exchange.getMessage().setHeader(SOURCE,
                            Submission.storableSource("queue:" + (messageId == null ? "message without id" : messageId)));
                })
                .doTry()
                    .process(this::attributeToBrokerUser)
                    .convertBodyTo(byte[].class)
                    .aggregate(header(LENDER), new GroupedExchangeAggregationStrategy())
                        .completionSize(queue.chunkSize()).completionTimeout(queue.chunkWaitMillis())
                        .to(CHUNK)
                    .end()
                .endDoTry()
                .doCatch(UnattributedSubmissionException.class)
                    .log(LoggingLevel.WARN, "Dead-lettered ${header." + SOURCE + "}: ${exception.message}")
                    .process(exchange -> QueueAcknowledgements.reject(exchange, false))
                .doCatch(TransientIntakeException.class) // the lender not found for now: the database is away
                    .log(LoggingLevel.WARN, "Requeued ${header." + SOURCE + "}: ${exception.message}")
                    .process(exchange -> QueueAcknowledgements.reject(exchange, true))
                .end();

        RouteDefinition chunks = from(CHUNK).routeId("queue-chunk");
        retry.backOff(chunks.onException(TransientIntakeException.class))
                    .handled(true)
                    .process(exchange -> messages(exchange).forEach(m -> QueueAcknowledgements.reject(m, true)))
                    .log(LoggingLevel.WARN, "Requeued ${body.size()} messages after a transient failure: ${exception.message}")
                .end();
        chunks.onException(Exception.class) // a fault of ours: kept in the dead-letter queue, not lost
                    .handled(true)
                    .process(exchange -> messages(exchange).forEach(m -> QueueAcknowledgements.reject(m, false)))
                    .log(LoggingLevel.ERROR, "Dead-lettered ${body.size()} messages: ${exception.message}")
                .end();
        chunks.process(exchange -> {
                    List<Exchange> messages = messages(exchange);
                    QueueAcknowledgements.settle(messages, QueueChunk.submit(intake, messages));
                });
    }

    @SuppressWarnings("unchecked")
    private static List<Exchange> messages(Exchange chunk) {
        return chunk.getMessage().getBody(List.class);
    }

    /** RabbitMQ refuses a user_id that is not the publishing user's name, so it cannot be forged. */
    private void attributeToBrokerUser(Exchange exchange) {
        String user = exchange.getMessage().getHeader(BROKER_USER, String.class);
        if (user == null || user.isBlank()) {
            throw new UnattributedSubmissionException("the message has no user_id property; publish as your "
                    + "lender's broker user and set user_id to it");
        }
        exchange.getMessage().setHeader(LENDER, lenders.idOfCode(user).orElseThrow(() ->
                new UnattributedSubmissionException("the broker user " + user + " is not a lender")));
    }
}

package org.blended.service.publishing;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves decisions from the outbox to the blended.decisions exchange, oldest first, and deletes
 * each only once the broker has confirmed it. Rows are claimed with SKIP LOCKED, so several
 * instances publish side by side without sending a decision twice in the normal case; after a
 * crash between confirm and delete a decision may be sent again, so consumers should treat the
 * message id (the application id) as the key.
 */
@Component
@ConditionalOnProperty(name = "blended.decisions.enabled", havingValue = "true")
@EnableConfigurationProperties(PublishingProperties.class)
class DecisionPublisher extends RouteBuilder {

    private static final Logger log = LoggerFactory.getLogger(DecisionPublisher.class);
    private static final long CONFIRM_TIMEOUT_MILLIS = 10_000;
    /** The AMQP type of an automated decision message; a final decision is {@link FinalDecisionMessage#TYPE}. */
    static final String DECISION_TYPE = "blended.decision";

    private final JdbcTemplate jdbc;
    private final RabbitTemplate rabbit;
    private final TransactionTemplate transaction;
    private final PublishingProperties properties;
    private boolean failing;

    public DecisionPublisher(JdbcTemplate jdbc, RabbitTemplate rabbit, TransactionTemplate transaction,
                             PublishingProperties properties) {
        this.jdbc = jdbc;
        this.rabbit = rabbit;
        this.transaction = transaction;
        this.properties = properties;
    }

    @Override
    public void configure() {
        new RabbitAdmin(rabbit).declareExchange(new TopicExchange(properties.exchange(), true, false));
        from("timer:decision-publisher?period=" + properties.pollMillis()).routeId("decision-publisher")
                .process(exchange -> publishPending());
    }

    /** Publishes what is waiting, a batch at a time, until the outbox is empty or the broker fails. */
    public int publishPending() {
        int published = 0;
        try {
            int sent;
            do {
                sent = transaction.execute(status -> publishBatch());
                published += sent;
            } while (sent == properties.batchSize());
            if (failing) {
                log.info("Publishing decisions again");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                log.warn("Could not publish decisions, will retry: {}", e.getMessage());
                failing = true;
            }
        }
        return published;
    }

    private int publishBatch() {
        List<Pending> pending = jdbc.query("""
                select id, coalesce(message_id, application_id), routing_key, payload, message_type from decision_outbox
                order by created_at limit ? for update skip locked""",
                (rs, row) -> new Pending(rs.getObject(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5) == null ? DECISION_TYPE : rs.getString(5)),
                properties.batchSize());
        if (pending.isEmpty()) {
            return 0;
        }
        rabbit.invoke(operations -> {
            for (Pending p : pending) {
                MessageProperties props = new MessageProperties();
                props.setContentType("application/json");
                props.setMessageId(p.messageId());
                props.setType(p.type());
                props.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
                operations.send(properties.exchange(), p.routingKey(), new Message(p.payload().getBytes(StandardCharsets.UTF_8), props));
            }
            operations.waitForConfirmsOrDie(CONFIRM_TIMEOUT_MILLIS);
            return null;
        });
        // One statement for the batch: a delete per row cost the database more than the insert.
        Object[] sent = pending.stream().map(Pending::id).toArray();
        jdbc.update("delete from decision_outbox where id = any (?)",
                statement -> statement.setArray(1, statement.getConnection().createArrayOf("uuid", sent)));
        return pending.size();
    }

    private record Pending(Object id, String messageId, String routingKey, String payload, String type) {
    }
}

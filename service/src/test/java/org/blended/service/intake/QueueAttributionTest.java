package org.blended.service.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import org.blended.service.Broker;
import org.blended.service.Examples;
import org.blended.service.TestLenders;
import org.blended.service.decision.StoredApplication;
import org.blended.service.decision.StoredApplicationRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Queue messages belong to the lender whose broker user published them; RabbitMQ itself refuses a
 * user_id that is not the publisher's, so a lender cannot submit in another lender's name.
 */
@SpringBootTest
@ActiveProfiles({"postgres", "test"})
class QueueAttributionTest {

    @Autowired
    TestLenders lenders;

    @Autowired
    StoredApplicationRepository applications;

    private final Broker.LenderUsers brokerUsers = new Broker.LenderUsers();

    @Test
    void aMessageIsAttributedToTheLenderWhoseBrokerUserPublishedIt() throws Exception {
        TestLenders.TestLender lender = brokerUser(lenders.newLender());
        String reference = "Q-" + UUID.randomUUID();

        publish(lender.code(), lender.code(), reference);

        await().atMost(Duration.ofSeconds(30)).until(() -> !applications.findByLenderReference(reference).isEmpty());
        StoredApplication stored = applications.findByLenderReference(reference).get(0);
        assertThat(stored.getLenderId()).isEqualTo(lender.id());
        assertThat(stored.getChannel()).isEqualTo(org.blended.integration.submission.Channel.QUEUE);
    }

    @Test
    void aMessageClaimingAnotherLenderIsRefusedByTheBroker() throws Exception {
        TestLenders.TestLender claimant = brokerUser(lenders.newLender());
        TestLenders.TestLender victim = brokerUser(lenders.newLender());
        String reference = "Q-" + UUID.randomUUID();

        assertThatThrownBy(() -> publish(claimant.code(), victim.code(), reference))
                .hasStackTraceContaining("user_id");

        Thread.sleep(1000); // had it got through, the route would have decided it by now
        assertThat(applications.findByLenderReference(reference)).isEmpty();
    }

    @Test
    void aMessageWithoutALenderGoesToTheDeadLetterQueue() throws Exception {
        String reference = "Q-" + UUID.randomUUID();
        String messageId = UUID.randomUUID().toString();
        try (Connection connection = factory("guest", "guest").newConnection(); Channel channel = connection.createChannel()) {
            channel.queuePurge("blended.applications.dlq"); // dead letters of earlier runs
            channel.confirmSelect();
            channel.basicPublish("blended.applications", "applications",
                    new AMQP.BasicProperties.Builder().messageId(messageId).contentType("application/json").build(),
                    application(reference));
            channel.waitForConfirmsOrDie(5000);

            await().atMost(Duration.ofSeconds(30)).until(() -> deadLettered(channel, messageId));
        }
        assertThat(applications.findByLenderReference(reference)).isEmpty();
    }

    private static boolean deadLettered(Channel channel, String messageId) throws IOException {
        return Broker.take(channel, Broker.DEAD_LETTERS, messageId) != null;
    }

    private static void publish(String brokerUser, String userId, String reference) throws Exception {
        Broker.publish(brokerUser, userId, List.of(application(reference)));
    }

    private static byte[] application(String reference) {
        return Examples.withReference(Examples.expectedOutcomes().keySet().iterator().next(), reference)
                .getBytes(StandardCharsets.UTF_8);
    }

    private static ConnectionFactory factory(String user, String password) {
        return Broker.factory(user, password);
    }

    private TestLenders.TestLender brokerUser(TestLenders.TestLender lender) throws Exception {
        return brokerUsers.add(lender);
    }

    @AfterEach
    void removeBrokerUsers() throws Exception {
        brokerUsers.removeAll();
    }
}

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
import com.rabbitmq.client.GetResponse;
import org.blended.service.Examples;
import org.blended.service.TestLenders;
import org.blended.service.application.StoredApplication;
import org.blended.service.application.StoredApplicationRepository;
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

    static final String PASSWORD = "broker-test-password";

    @Autowired
    TestLenders lenders;

    @Autowired
    StoredApplicationRepository applications;

    private final List<String> brokerUsers = new java.util.ArrayList<>();

    @Test
    void aMessageIsAttributedToTheLenderWhoseBrokerUserPublishedIt() throws Exception {
        TestLenders.TestLender lender = brokerUser(lenders.newLender());
        String reference = "Q-" + UUID.randomUUID();

        publish(lender.code(), lender.code(), reference);

        await().atMost(Duration.ofSeconds(30)).until(() -> !applications.findByLenderReference(reference).isEmpty());
        StoredApplication stored = applications.findByLenderReference(reference).get(0);
        assertThat(stored.getLenderId()).isEqualTo(lender.id());
        assertThat(stored.getChannel()).isEqualTo(org.blended.integration.intake.Channel.QUEUE);
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

    /** Looks through the dead-letter queue, leaving every other message in it. */
    private static boolean deadLettered(Channel channel, String messageId) throws IOException {
        GetResponse response;
        boolean found = false;
        List<Long> others = new java.util.ArrayList<>();
        while (!found && (response = channel.basicGet("blended.applications.dlq", false)) != null) {
            long tag = response.getEnvelope().getDeliveryTag();
            if (messageId.equals(response.getProps().getMessageId())) {
                channel.basicAck(tag, false);
                found = true;
            } else {
                others.add(tag);
            }
        }
        for (long tag : others) {
            channel.basicNack(tag, false, true);
        }
        return found;
    }

    private static void publish(String brokerUser, String userId, String reference) throws Exception {
        try (Connection connection = factory(brokerUser, PASSWORD).newConnection(); Channel channel = connection.createChannel()) {
            channel.confirmSelect();
            channel.basicPublish("blended.applications", "applications",
                    new AMQP.BasicProperties.Builder().userId(userId).messageId(UUID.randomUUID().toString())
                            .contentType("application/json").build(),
                    application(reference));
            channel.waitForConfirmsOrDie(5000);
        }
    }

    private static byte[] application(String reference) {
        return Examples.withReference(Examples.expectedOutcomes().keySet().iterator().next(), reference)
                .getBytes(StandardCharsets.UTF_8);
    }

    private static ConnectionFactory factory(String user, String password) {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setUsername(user);
        factory.setPassword(password);
        return factory;
    }

    /** The broker user of a lender is named after its code and may only publish to the intake exchange. */
    private TestLenders.TestLender brokerUser(TestLenders.TestLender lender) throws Exception {
        rabbitmqctl("add_user", lender.code(), PASSWORD);
        brokerUsers.add(lender.code());
        rabbitmqctl("set_permissions", "-p", "/", lender.code(), "^$", "^blended\\.applications$", "^$");
        return lender;
    }

    @AfterEach
    void removeBrokerUsers() throws Exception {
        for (String user : brokerUsers) {
            rabbitmqctl("delete_user", user);
        }
    }

    private static void rabbitmqctl(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("rabbitmqctl", "-q"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("rabbitmqctl " + String.join(" ", args) + ": " + output).isZero();
    }
}

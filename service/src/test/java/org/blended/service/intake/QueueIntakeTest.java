package org.blended.service.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import org.blended.service.Broker;
import org.blended.service.Examples;
import org.blended.service.Http;
import org.blended.service.TestLenders;
import org.blended.service.decision.StoredApplicationRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** The RabbitMQ intake and the decisions published back, against the real broker and database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"postgres", "test"})
class QueueIntakeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestLenders lenders;

    @Autowired
    StoredApplicationRepository applications;

    @Autowired
    RejectionRepository rejections;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    private final Broker.LenderUsers brokerUsers = new Broker.LenderUsers();

    @Test
    void aMessageDeliveredAgainIsAnsweredWithItsFirstDecisionAndStoresNothingNew() throws Exception {
        TestLenders.TestLender lender = brokerUser(lenders.newLender());
        String reference = "QR-" + UUID.randomUUID();
        byte[] message = Examples.withReference("bakery-cic.json", reference).getBytes(StandardCharsets.UTF_8);

        // What a redelivery looks like to the service: the same application arriving again.
        Broker.publish(lender.code(), lender.code(), List.of(message, message, message));

        // A message leaves the queue only once acknowledged, that is once handled to the end.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> !applications.findByLenderReference(reference).isEmpty() && Broker.messagesInIntakeQueue() == 0);
        assertThat(applications.findByLenderReference(reference)).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from decision d join application a on a.id = d.application_id "
                + "where a.lender_reference = ?", Integer.class, reference)).isEqualTo(1);
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterQueueAtOnceAndIsRecordedWithItsReason() throws Exception {
        TestLenders.TestLender lender = brokerUser(lenders.newLender());
        String messageId = Broker.publish(lender.code(), lender.code(),
                List.of("{\"lenderReference\": \"POISON\", ".getBytes(StandardCharsets.UTF_8))).get(0);

        try (Connection connection = Broker.factory("guest", "guest").newConnection(); Channel channel = connection.createChannel()) {
            GetResponse[] dead = new GetResponse[1];
            await().atMost(Duration.ofSeconds(30)).until(() -> (dead[0] = Broker.take(channel, Broker.DEAD_LETTERS, messageId)) != null);
            assertThat(new String(dead[0].getBody(), StandardCharsets.UTF_8)).startsWith("{\"lenderReference\": \"POISON\"");
        }
        List<Rejection> recorded = rejections.findBySource("queue:" + messageId);
        assertThat(recorded).as("recorded once: a refused message is not retried").hasSize(1);
        assertThat(recorded.get(0).getLenderId()).isEqualTo(lender.id());
        assertThat(recorded.get(0).getReason()).contains("is not valid JSON");
        assertThat(recorded.get(0).getPayload()).contains("POISON");
    }

    @Test
    void everyDecisionIsPublishedUnderTheLendersCode() throws Exception {
        TestLenders.TestLender lender = lenders.newLender();
        String applicationId;
        try (Connection connection = Broker.factory("guest", "guest").newConnection(); Channel channel = connection.createChannel()) {
            String queue = channel.queueDeclare().getQueue(); // exclusive, gone with the connection
            channel.queueBind(queue, "blended.decisions", lender.code());

            JsonNode created = Http.json(new Http(port, lender.apiKey())
                    .postJson("/api/v1/applications", Examples.json("community-energy-cbs.json")));
            applicationId = created.get("applicationId").asText();

            GetResponse[] published = new GetResponse[1];
            await().atMost(Duration.ofSeconds(30)).until(() -> (published[0] = Broker.take(channel, queue, applicationId)) != null);
            JsonNode message = JSON.readTree(published[0].getBody());
            assertThat(published[0].getEnvelope().getRoutingKey()).isEqualTo(lender.code());
            assertThat(message.get("lender").asText()).isEqualTo(lender.code());
            assertThat(message.get("lenderReference").asText()).isEqualTo(created.get("lenderReference").asText());
            assertThat(message.at("/decision/outcome").asText()).isEqualTo("APPROVE");
            assertThat(message.at("/decision/reasons").size()).isEqualTo(created.at("/decision/reasons").size());
        }
        // Deleted from the outbox only once the broker has confirmed it.
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from decision_outbox where application_id = ?", Integer.class, UUID.fromString(applicationId)) == 0);
    }

    private TestLenders.TestLender brokerUser(TestLenders.TestLender lender) throws Exception {
        return brokerUsers.add(lender);
    }

    @AfterEach
    void removeBrokerUsers() throws Exception {
        brokerUsers.removeAll();
    }
}

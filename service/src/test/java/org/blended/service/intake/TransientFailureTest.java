package org.blended.service.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;

import org.blended.service.BlendedApplication;
import org.blended.service.Broker;
import org.blended.service.Examples;
import org.blended.service.TestLenders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * While the database cannot store decisions (here: the decision chain is locked by another
 * session, so every attempt times out), a queued application is retried with back-off; it is
 * neither dead-lettered nor recorded as a rejection, and is decided once the database is back.
 */
class TransientFailureTest {

    private static final String QUEUE = "blended.transient-test";

    private ConfigurableApplicationContext instance;
    private String brokerUser;

    @Test
    void aMessageWaitsOutADatabaseFailureAndIsDecidedAfterwards() throws Exception {
        instance = new SpringApplicationBuilder(BlendedApplication.class)
                .profiles("postgres", "test")
                .run("--server.port=0", "--spring.jmx.enabled=false",
                        "--spring.datasource.hikari.connection-init-sql=set lock_timeout = '300ms'",
                        "--blended.intake.retry.initial-delay-millis=200", "--blended.intake.retry.max-delay-millis=1000",
                        "--blended.intake.retry.attempts=100",
                        "--blended.intake.queue.exchange=" + QUEUE, "--blended.intake.queue.queue=" + QUEUE,
                        "--blended.intake.queue.dead-letter-exchange=" + QUEUE + ".dlx",
                        "--blended.intake.queue.dead-letter-queue=" + QUEUE + ".dlq",
                        "--blended.intake.batch.spool-directory=target/batches-transient");
        JdbcTemplate jdbc = instance.getBean(JdbcTemplate.class);
        TestLenders.TestLender lender = instance.getBean(TestLenders.class).newLender();
        brokerUser = lender.code();
        Broker.addLenderUser(lender.code(), QUEUE);
        Broker.purge(QUEUE + ".dlq"); // dead letters of earlier runs
        String reference = "TRANSIENT-1";

        try (Connection blocker = DriverManager.getConnection(
                jdbc.getDataSource().getConnection().getMetaData().getURL(), "postgres", "")) {
            blocker.setAutoCommit(false);
            blocker.createStatement().execute("lock table decision_chain in access exclusive mode");

            Broker.publish(QUEUE, lender.code(), lender.code(),
                    List.of(Examples.withReference("bakery-cic.json", reference).getBytes(StandardCharsets.UTF_8)));
            Thread.sleep(3_000); // several attempts, each timing out on the lock

            assertThat(count(jdbc, "application", lender)).isZero();
            assertThat(count(jdbc, "rejection", lender)).isZero();
            assertThat(Broker.messagesIn(QUEUE)).as("still held, unacknowledged").isEqualTo(1);
            blocker.rollback(); // the database is back
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> count(jdbc, "application", lender) == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> Broker.messagesIn(QUEUE) == 0);
        assertThat(Broker.messagesIn(QUEUE + ".dlq")).isZero();
        assertThat(count(jdbc, "rejection", lender)).isZero();
    }

    private static int count(JdbcTemplate jdbc, String table, TestLenders.TestLender lender) {
        return jdbc.queryForObject("select count(*) from " + table + " where lender_id = ?", Integer.class, lender.id());
    }

    @AfterEach
    void stop() throws Exception {
        if (instance != null) {
            instance.close();
        }
        if (brokerUser != null) {
            Broker.deleteUser(brokerUser);
        }
    }
}

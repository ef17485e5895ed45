package org.blended.service.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import io.micrometer.core.instrument.MeterRegistry;
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
 * Two service instances on one queue and one database, as when the service is scaled out:
 * every application is decided exactly once, even when each message arrives twice. The two
 * instances get a queue of their own, so that no other test's instance competes for it.
 */
class CompetingConsumersTest {

    private static final String QUEUE = "blended.scale-test";
    private static final int APPLICATIONS = 400;

    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();
    private String brokerUser;

    @Test
    void twoInstancesOnOneQueueDecideEveryApplicationExactlyOnce() throws Exception {
        ConfigurableApplicationContext first = instance("first");
        ConfigurableApplicationContext second = instance("second");
        JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
        TestLenders.TestLender lender = first.getBean(TestLenders.class).newLender();
        brokerUser = lender.code();
        Broker.addLenderUser(lender.code(), QUEUE);

        List<byte[]> messages = new ArrayList<>();
        List<String> files = new ArrayList<>(Examples.expectedOutcomes().keySet());
        for (int i = 0; i < APPLICATIONS; i++) {
            byte[] message = Examples.withReference(files.get(i % files.size()), "SCALE-" + i).getBytes(StandardCharsets.UTF_8);
            messages.add(message);
            messages.add(message); // each twice, as a redelivery would bring it
        }
        Collections.shuffle(messages, new Random(7));
        Broker.publish(QUEUE, lender.code(), lender.code(), messages);

        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .until(() -> Broker.messagesIn(QUEUE) == 0);

        assertThat(jdbc.queryForObject("select count(*) from application where lender_id = ?", Integer.class, lender.id()))
                .isEqualTo(APPLICATIONS);
        assertThat(jdbc.queryForObject("select count(distinct lender_reference) from application where lender_id = ?",
                Integer.class, lender.id())).isEqualTo(APPLICATIONS);
        assertThat(jdbc.queryForObject("select count(*) from decision where lender_id = ?", Integer.class, lender.id()))
                .isEqualTo(APPLICATIONS);
        assertThat(jdbc.queryForObject("select count(*) from rejection where lender_id = ?", Integer.class, lender.id()))
                .isZero();
        double byFirst = queueMessagesHandled(first);
        double bySecond = queueMessagesHandled(second);
        assertThat(byFirst).as("handled by the first instance").isPositive();
        assertThat(bySecond).as("handled by the second instance").isPositive();
        assertThat(byFirst + bySecond).as("every message handled once").isEqualTo(2.0 * APPLICATIONS);
    }

    private ConfigurableApplicationContext instance(String name) {
        ConfigurableApplicationContext instance = new SpringApplicationBuilder(BlendedApplication.class)
                .profiles("postgres", "test")
                .run("--server.port=0", "--spring.jmx.enabled=false",
                        "--blended.intake.queue.exchange=" + QUEUE, "--blended.intake.queue.queue=" + QUEUE,
                        "--blended.intake.queue.dead-letter-exchange=" + QUEUE + ".dlx",
                        "--blended.intake.queue.dead-letter-queue=" + QUEUE + ".dlq",
                        "--blended.intake.batch.spool-directory=target/batches-" + name);
        instances.add(instance);
        return instance;
    }

    /** Messages this instance took from the queue and settled as decided (new or decided before). */
    private static double queueMessagesHandled(ConfigurableApplicationContext instance) {
        return instance.getBean(MeterRegistry.class).find("blended.applications").tag("channel", "QUEUE").counters()
                .stream().mapToDouble(c -> c.count()).sum();
    }

    @AfterEach
    void stop() throws Exception {
        instances.forEach(ConfigurableApplicationContext::close);
        if (brokerUser != null) {
            Broker.deleteUser(brokerUser);
        }
    }
}

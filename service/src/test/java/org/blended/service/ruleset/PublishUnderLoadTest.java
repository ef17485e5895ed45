package org.blended.service.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import org.blended.service.BlendedApplication;
import org.blended.service.Examples;
import org.blended.service.Http;
import org.blended.service.TestLenders;
import org.blended.service.assessment.RuleEngine;
import org.blended.service.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Two service instances on one database take applications without pause while a policy owner
 * publishes a version on one and rolls back on the other: no evaluation fails, both instances
 * follow each change within seconds, and every decision names the version whose rules made it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"postgres", "test"})
class PublishUnderLoadTest {

    @LocalServerPort
    int port;

    @Autowired
    TestLenders lenders;

    @Autowired
    RuleEngine engine;

    @Autowired
    ShippedVersion shipped;

    ConfigurableApplicationContext second;
    /** The load stops whatever happens: a failed await must not leave it posting into the next test's versions. */
    private final AtomicBoolean running = new AtomicBoolean();

    @AfterEach
    void stop() {
        running.set(false);
        if (second != null) {
            second.close();
        }
        shipped.restore();
    }

    @Test
    void publishAndRollBackWhileTwoInstancesEvaluateLoseNothingAndEveryDecisionNamesItsVersion() throws Exception {
        second = new SpringApplicationBuilder(BlendedApplication.class).profiles("postgres", "test")
                .run("--server.port=0", "--spring.jmx.enabled=false", "--blended.intake.queue.enabled=false",
                        "--blended.decisions.enabled=false", "--blended.intake.file.enabled=false");
        int secondPort = ((WebServerApplicationContext) second).getWebServer().getPort();
        RuleEngine secondEngine = second.getBean(RuleEngine.class);
        Http policy = new Http(port, lenders.keyFor(Role.POLICY_OWNER));

        String table = policy.get("/api/v1/rule-sets/active/files/" + RuleSetEdits.RESERVES_TABLE).body();
        int draft = Http.json(policy.upload("/api/v1/rule-sets", Map.of(RuleSetEdits.RESERVES_TABLE,
                RuleSetEdits.higherMinimumReserves(table).getBytes(StandardCharsets.UTF_8)), Map.of())).get("version").asInt();
        assertThat(Http.json(policy.post("/api/v1/rule-sets/" + draft + "/validation", "application/json", ""))
                .get("valid").asBoolean()).isTrue();
        String shippedLabel = "blended-rules-";
        String draftLabel = "rule-set-" + draft;

        running.set(true);
        AtomicInteger sent = new AtomicInteger();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        Map<String, AtomicInteger> byVersion = new ConcurrentHashMap<>();
        ExecutorService load = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            // a lender each, so that each has its own allowance of requests a minute
            Http instance = new Http(t % 2 == 0 ? port : secondPort, lenders.newLender().apiKey());
            load.submit(() -> {
                while (running.get()) {
                    int n = sent.incrementAndGet();
                    // The boxing club's 1.4 months of reserves are green under the shipped rules, amber under the draft.
                    String application = Examples.withReference("youth-boxing-charity.json", "LOAD-" + draft + "-" + n);
                    HttpResponse<String> response = instance.postJson("/api/v1/applications", application);
                    while (response.statusCode() == 429 && running.get()) {
                        // past the rate limit on a fast machine: wait as told, as a lender's system would, and send again
                        Thread.sleep(1000 * Long.parseLong(response.headers().firstValue("Retry-After").orElse("1")));
                        response = instance.postJson("/api/v1/applications", application);
                    }
                    if (response.statusCode() == 429) {
                        continue;
                    }
                    if (response.statusCode() != 201) {
                        failures.add(response.statusCode() + " " + response.body());
                        continue;
                    }
                    JsonNode decision = Http.json(response).get("decision");
                    String version = decision.get("ruleSetVersion").asText();
                    String reasons = decision.get("reasons").toString();
                    boolean consistent = version.equals(draftLabel) ? reasons.contains("F6-AMBER") && !reasons.contains("F6-GREEN")
                            : version.startsWith(shippedLabel) && reasons.contains("F6-GREEN") && !reasons.contains("F6-AMBER");
                    if (!consistent) {
                        failures.add("decision citing " + version + " has reasons " + reasons);
                    }
                    byVersion.computeIfAbsent(version, v -> new AtomicInteger()).incrementAndGet();
                }
                return null;
            });
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> sent.get() > 40);
        long published = System.nanoTime();
        assertThat(policy.post("/api/v1/rule-sets/" + draft + "/publication", "application/json", "{\"reason\": \"Test: publish\"}").statusCode()).isEqualTo(200);
        assertThat(engine.active().version()).as("the publishing instance switches at once").isEqualTo(draft);
        // the second instance compiles the draft itself (executable model, then the check of its classes) under load
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50))
                .until(() -> secondEngine.active().version() == draft);
        long followedMillis = (System.nanoTime() - published) / 1_000_000;
        int atPublish = sent.get();
        await().atMost(Duration.ofSeconds(30)).until(() -> sent.get() > atPublish + 40);

        Http policyOnSecond = new Http(secondPort, lenders.keyFor(Role.POLICY_OWNER));
        long rolledBack = System.nanoTime();
        assertThat(policyOnSecond.post("/api/v1/rule-sets/" + shipped.version() + "/rollback", "application/json", "{\"reason\": \"Test: roll back\"}")
                .statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> engine.active().version() == shipped.version());
        long followedBackMillis = (System.nanoTime() - rolledBack) / 1_000_000;
        int atRollBack = sent.get();
        await().atMost(Duration.ofSeconds(30)).until(() -> sent.get() > atRollBack + 40);
        running.set(false);
        load.shutdown();
        assertThat(load.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        System.out.printf("Publish under load: %d applications, by version %s; the other instance followed the publish "
                + "in %d ms and the roll back in %d ms%n", sent.get(), byVersion, followedMillis, followedBackMillis);
        assertThat(failures).as("failed or inconsistent evaluations").isEmpty();
        assertThat(byVersion.get(draftLabel)).as("decisions by the published version").isNotNull();
        assertThat(byVersion.keySet()).hasSize(2);
        // following a publish, the other instance compiles the draft itself: 30-45 s under this load on two
        // cores (the await above bounds it at 120 s); the figures are printed above
    }
}

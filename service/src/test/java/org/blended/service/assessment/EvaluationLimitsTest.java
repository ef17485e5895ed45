package org.blended.service.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import org.blended.integration.submission.Channel;
import org.blended.service.BlendedApplication;
import org.blended.service.Broker;
import org.blended.service.Examples;
import org.blended.service.Http;
import org.blended.service.IntakeFolder;
import org.blended.service.TestLenders;
import org.blended.service.decision.StoredApplicationRepository;
import org.blended.service.intake.Rejection;
import org.blended.service.intake.RejectionRepository;
import org.blended.service.ruleset.source.RuleSetFile;
import org.blended.service.ruleset.lifecycle.RuleSetLibrary;
import org.blended.service.ruleset.store.RuleSetRecord;
import org.blended.service.ruleset.store.RuleSetStore;
import org.blended.service.ruleset.source.ShippedRuleSet;
import org.blended.service.whatif.WhatIfScope;
import org.blended.service.whatif.WhatIfService;
import org.blended.service.whatif.WhatIfView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A rule set that never ends, or ends too late, on every channel against the real database and
 * broker: each such application is answered promptly and recorded as not assessed, and the
 * others, whoever sent them, are decided as usual; what-if, replay and explanations carry on; the
 * service stops promptly. This instance has a queue of its own, so that no other test's instance
 * takes its messages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"postgres", "test"})
class EvaluationLimitsTest {

    private static final Path INTAKE = Path.of("target", "limits-intake-" + UUID.randomUUID());
    private static final String QUEUE = "blended.limits-test";
    private static final String EXAMPLE = "bakery-cic.json";
    /** The time limit, and as much again for everything else: an answer later than this hung. */
    private static final Duration PROMPTLY = Duration.ofSeconds(2 + 5);

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("blended.intake.file.enabled", () -> "true");
        registry.add("blended.intake.file.directory", INTAKE::toString);
        registry.add("blended.intake.file.poll-delay-millis", () -> "200");
        registry.add("blended.intake.queue.exchange", () -> QUEUE);
        registry.add("blended.intake.queue.queue", () -> QUEUE);
        registry.add("blended.intake.queue.dead-letter-exchange", () -> QUEUE + ".dlx");
        registry.add("blended.intake.queue.dead-letter-queue", () -> QUEUE + ".dlq");
    }

    private static KieBase runaway;

    @Autowired
    RuleEngine engine;

    @Autowired
    TestLenders lenders;

    @Autowired
    RejectionRepository rejections;

    @Autowired
    StoredApplicationRepository applications;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RuleSetStore store;

    @Autowired
    RuleSetLibrary library;

    @Autowired
    ShippedRuleSet shippedRules;

    @Autowired
    WhatIfService whatIf;

    @LocalServerPort
    int port;

    private CompiledRuleSet shipped;
    private final Broker.LenderUsers brokerUsers = new Broker.LenderUsers();

    @BeforeAll
    static void compile() throws IOException {
        runaway = TestRules.runaway();
        // A rule base compiled at run time is slow on its first evaluations (classes loaded, constraints
        // compiled), which here is not what the time limit is to catch.
        var application = new com.fasterxml.jackson.databind.ObjectMapper().findAndRegisterModules()
                .readValue(Examples.json(EXAMPLE), org.blended.rules.application.Application.class);
        for (int i = 0; i < 20; i++) {
            new CompiledRuleSet(0, "warm-up", runaway).assess(application, java.time.LocalDate.now(), List.of());
        }
    }

    @BeforeEach
    void activateTheRunawayRules() {
        shipped = engine.active();
        // Under the active version's number and label: the instance keeps following the stored
        // active version and finds nothing to change. Other applications are decided as before.
        engine.activate(new CompiledRuleSet(shipped.version(), shipped.label(), runaway));
    }

    @AfterEach
    void restore() throws Exception {
        engine.activate(shipped);
        brokerUsers.removeAll();
    }

    @Test
    void aRestSubmissionThatFiresForEverIsAnsweredPromptlyWithWhyAndRecorded() {
        TestLenders.TestLender lender = lenders.newLender();
        Http http = new Http(port, lender.apiKey());
        String reference = "STORM-" + UUID.randomUUID();

        long started = System.nanoTime();
        HttpResponse<String> response = http.postJson("/api/v1/applications", Examples.withReference(EXAMPLE, reference));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("answered promptly").isLessThan(PROMPTLY);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = Http.json(response);
        assertThat(problem.get("title").asText()).isEqualTo("Not assessed");
        assertThat(problem.get("detail").asText())
                .contains("fired more than 10,000 rules without reaching a decision")
                .contains("rule set " + shipped.label())
                .doesNotContain("Exception").doesNotContain("org.");
        Rejection rejection = rejections.findById(UUID.fromString(problem.get("rejectionId").asText())).orElseThrow();
        assertThat(rejection.getChannel()).isEqualTo(Channel.REST);
        assertThat(rejection.getLenderId()).isEqualTo(lender.id());
        assertThat(rejection.getReason()).startsWith("Not assessed: rule set ").contains("fired more than 10,000 rules");
        assertThat(rejection.getPayload()).contains(reference);
        assertThat(applications.countByLenderReference(reference)).isZero();

        HttpResponse<String> next = http.postJson("/api/v1/applications", Examples.json(EXAMPLE));
        assertThat(next.statusCode()).as(next.body()).isEqualTo(201);
    }

    @Test
    void aMerelySlowRuleSetHitsTheTimeLimit() {
        TestLenders.TestLender lender = lenders.newLender();
        String reference = "SLOW-" + UUID.randomUUID(); // 5,000 firings, well under the firing limit, of a millisecond each

        long started = System.nanoTime();
        HttpResponse<String> response = new Http(port, lender.apiKey())
                .postJson("/api/v1/applications", Examples.withReference(EXAMPLE, reference));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("answered promptly").isLessThan(PROMPTLY);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(Http.json(response).get("detail").asText()).contains("did not reach a decision within 2 seconds");
        assertThat(rejections.findByLenderIdOrderByReceivedAtDesc(lender.id(), org.springframework.data.domain.Pageable.ofSize(5)))
                .singleElement().satisfies(r -> assertThat(r.getReason()).contains("did not reach a decision within 2 seconds"));
        await().atMost(Duration.ofSeconds(30)).alias("the halted session leaves its worker").until(() -> engine.busyWorkers() == 0);
    }

    @Test
    void aFileThatFiresForEverGoesToErrorWhileAnotherLendersFileDroppedWithItIsDecided() throws IOException {
        TestLenders.TestLender a = lenders.newLender();
        TestLenders.TestLender b = lenders.newLender();
        String storm = "storm-" + UUID.randomUUID() + ".json";
        String good = "good-" + UUID.randomUUID() + ".json";
        String goodReference = "GOOD-" + UUID.randomUUID();

        drop(a.code(), storm, Examples.withReference(EXAMPLE, "STORM-" + UUID.randomUUID()));
        drop(b.code(), good, Examples.withReference(EXAMPLE, goodReference));

        await().atMost(Duration.ofSeconds(60)).until(() -> filesIn(a.code() + "/error").count() == 2
                && filesIn(b.code() + "/done").count() == 1);
        String reason = filesIn(a.code() + "/error").filter(n -> n.endsWith(".reason.txt")).findFirst()
                .map(n -> read(a.code() + "/error/" + n)).orElseThrow();
        assertThat(reason).contains(storm + " was not assessed: rule set " + shipped.label()
                        + " fired more than 10,000 rules without reaching a decision")
                .contains("Recorded as rejection").contains("not in the file");
        assertThat(rejections.findBySource(a.code() + "/" + storm)).singleElement().satisfies(r -> {
            assertThat(r.getChannel()).isEqualTo(Channel.FILE);
            assertThat(r.getReason()).contains("fired more than 10,000 rules");
        });
        assertThat(jdbc.queryForObject("select d.outcome from decision d join application a on a.id = d.application_id "
                + "where a.lender_reference = ?", String.class, goodReference)).isEqualTo(Examples.expectedOutcomes().get(EXAMPLE));
    }

    @Test
    void aBatchRowThatFiresForEverIsRejectedAndTheOtherRowsAreDecided() throws IOException {
        TestLenders.TestLender lender = lenders.newLender();
        String name = "batch-" + UUID.randomUUID() + ".json";
        drop(lender.code(), name, "[" + Examples.json(EXAMPLE) + "," + Examples.withReference(EXAMPLE, "STORM-" + UUID.randomUUID())
                + "," + Examples.json("sole-trader-cafe.json") + "]");

        // The batch file and its results beside it
        await().atMost(Duration.ofSeconds(60)).until(() -> filesIn(lender.code() + "/done")
                .filter(n -> !n.endsWith(".results.csv")).count() == 1);

        var batch = jdbc.queryForMap("select * from batch where lender_id = ?", lender.id());
        assertThat(batch.get("status")).isEqualTo("COMPLETED");
        assertThat(batch.get("decided")).isEqualTo(2);
        assertThat(batch.get("rejected")).isEqualTo(1);
        assertThat(rejections.findBySource(lender.code() + "/" + name + "#2")).singleElement()
                .satisfies(r -> assertThat(r.getReason()).contains("fired more than 10,000 rules"));
    }

    @Test
    void aQueueMessageThatFiresForEverIsRecordedAndDeadLetteredAndTheOthersAreDecided() throws Exception {
        Broker.purge(QUEUE + ".dlq");
        TestLenders.TestLender lender = lenders.newLender();
        brokerUsers.add(lender);
        Broker.rabbitmqctl("set_permissions", "-p", "/", lender.code(), "^$", "^" + QUEUE.replace(".", "\\.") + "$", "^$");
        String goodReference = "GOOD-" + UUID.randomUUID();
        List<String> ids = Broker.publish(QUEUE, lender.code(), lender.code(), List.of(
                Examples.withReference(EXAMPLE, "STORM-" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8),
                Examples.withReference(EXAMPLE, goodReference).getBytes(StandardCharsets.UTF_8)));

        try (Connection connection = Broker.factory("guest", "guest").newConnection(); var channel = connection.createChannel()) {
            GetResponse[] dead = new GetResponse[1];
            await().atMost(Duration.ofSeconds(30)).until(() -> (dead[0] = Broker.take(channel, QUEUE + ".dlq", ids.get(0))) != null);
            assertThat(new String(dead[0].getBody(), StandardCharsets.UTF_8)).contains("STORM-");
        }
        assertThat(rejections.findBySource("queue:" + ids.get(0))).singleElement().satisfies(r -> {
            assertThat(r.getChannel()).isEqualTo(Channel.QUEUE);
            assertThat(r.getReason()).contains("fired more than 10,000 rules without reaching a decision");
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> applications.countByLenderReference(goodReference) == 1);
    }

    @Test
    void whatIfReplayExplanationsAndRepeatsCarryOnWhenTheRuleSetCannotFinish() {
        engine.activate(shipped); // decided by the shipped rules first, then looked at with the runaway ones
        TestLenders.TestLender lender = lenders.newLender();
        Http http = new Http(port, lender.apiKey());
        String storm = Examples.withReference(EXAMPLE, "STORM-" + UUID.randomUUID());
        HttpResponse<String> decided = http.postJson("/api/v1/applications", storm);
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(201);
        assertThat(http.postJson("/api/v1/applications", Examples.json(EXAMPLE)).statusCode()).isEqualTo(201);
        String stormId = Http.json(decided).get("applicationId").asText();

        // What-if of a draft that fires for ever for one of the two: counted apart, and the run finishes.
        List<RuleSetFile> files = new java.util.ArrayList<>(shippedRules.files());
        files.add(new RuleSetFile("org/blended/rules/runaway/runaway.drl", TestRules.RUNAWAY_RULES.getBytes(StandardCharsets.UTF_8)));
        RuleSetRecord draft = store.create("limits-test-" + UUID.randomUUID().toString().substring(0, 8), null,
                "the shipped rules with rules that never end", files, "test");
        library.remember(new CompiledRuleSet(draft.version(), draft.label(), runaway));
        UUID run = whatIf.start(draft.version(), new WhatIfScope(null, null, lender.code()), "test");
        await().atMost(Duration.ofSeconds(60)).until(() -> !"RUNNING".equals(whatIf.view(run, 0).status()));
        WhatIfView view = whatIf.view(run, 0);
        assertThat(view.status()).as(view.failure()).isEqualTo("FINISHED");
        assertThat(view.summary().applications()).isEqualTo(2);
        assertThat(view.summary().active().notAssessed()).isZero();
        assertThat(view.summary().draft().notAssessed()).isEqualTo(1);
        assertThat(view.summary().draft().notAssessedReason()).contains("fired more than 10,000 rules without reaching a decision");
        assertThat(view.summary().draft().outcomes().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(1);

        // Replay with a version that now fires for ever: reported as a difference, not a failure.
        library.remember(new CompiledRuleSet(shipped.version(), shipped.label(), runaway));
        try {
            HttpResponse<String> replay = http.postJson("/api/v1/applications/" + stormId + "/replay", "");
            assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
            JsonNode report = Http.json(replay);
            assertThat(report.get("identical").asBoolean()).isFalse();
            assertThat(report.get("differences").get(0).asText())
                    .isEqualTo("the replay reached no decision: rule set " + shipped.label()
                            + " fired more than 10,000 rules without reaching a decision");
        } finally {
            library.remember(shipped);
        }

        // The explanation's search skips the changed applications the rules cannot assess, and says so. It
        // searches with the version the decision was made by, so that version is the one that now runs away.
        engine.activate(new CompiledRuleSet(shipped.version(), shipped.label(), runaway));
        library.remember(new CompiledRuleSet(shipped.version(), shipped.label(), runaway));
        try {
            HttpResponse<String> explained = http.get("/api/v1/applications/" + stormId + "/explanation");
            assertThat(explained.statusCode()).as(explained.body()).isEqualTo(200);
            assertThat(Http.json(explained).get("searchNote").asText())
                    .contains("could not be assessed and")
                    .contains("skipped: rule set " + shipped.label() + " fired more than 10,000 rules without reaching a decision");
        } finally {
            library.remember(shipped);
        }

        // Sent again, a reference decided before gets its first decision back, whatever the rules do now.
        HttpResponse<String> again = http.postJson("/api/v1/applications", storm);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(Http.json(again).get("applicationId").asText()).isEqualTo(stormId);
    }

    @Test
    void theServiceStopsPromptlyWhileAnEvaluationRunsForEver() throws Exception {
        ConfigurableApplicationContext instance = new SpringApplicationBuilder(BlendedApplication.class)
                .profiles("postgres", "test")
                .run("--server.port=0", "--spring.jmx.enabled=false",
                        // Limits this evaluation stays within for a quarter of an hour: only the stop can end it.
                        "--blended.rules.max-firings=10000000", "--blended.rules.evaluation-timeout=30m",
                        "--blended.intake.queue.exchange=" + QUEUE + "-stop", "--blended.intake.queue.queue=" + QUEUE + "-stop",
                        "--blended.intake.queue.dead-letter-exchange=" + QUEUE + "-stop.dlx",
                        "--blended.intake.queue.dead-letter-queue=" + QUEUE + "-stop.dlq",
                        "--blended.intake.batch.spool-directory=target/batches-limits-stop");
        RuleEngine stopping = instance.getBean(RuleEngine.class);
        CompiledRuleSet active = stopping.active();
        stopping.activate(new CompiledRuleSet(active.version(), active.label(), runaway));
        int instancePort = Integer.parseInt(instance.getEnvironment().getProperty("local.server.port"));
        Http http = new Http(instancePort, instance.getBean(TestLenders.class).newLender().apiKey());
        CompletableFuture<HttpResponse<String>> endless = CompletableFuture.supplyAsync(() ->
                http.postJson("/api/v1/applications", Examples.withReference(EXAMPLE, "ENDLESS-" + UUID.randomUUID())));
        await().atMost(Duration.ofSeconds(30)).until(() -> stopping.busyWorkers() == 1);

        long started = System.nanoTime();
        instance.close();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("closed promptly").isLessThan(Duration.ofSeconds(20));
        // The caller is told to send it again (503) unless the server closed the connection first.
        HttpResponse<String> answer = endless.handle((response, failed) -> response).get(30, TimeUnit.SECONDS);
        if (answer != null) {
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
        }
        await().atMost(Duration.ofSeconds(30)).alias("the halted session leaves its worker").until(() -> stopping.busyWorkers() == 0);
    }

    private static void drop(String lenderCode, String name, String content) throws IOException {
        IntakeFolder.drop(INTAKE, lenderCode, name, content);
    }

    private static Stream<String> filesIn(String folder) throws IOException {
        return IntakeFolder.filesIn(INTAKE, folder);
    }

    private static String read(String relative) {
        try {
            return Files.readString(INTAKE.resolve(relative));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

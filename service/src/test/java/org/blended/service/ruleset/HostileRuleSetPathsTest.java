package org.blended.service.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.blended.service.ruleset.build.RuleSetCompiler;
import org.blended.service.ruleset.build.ValidationReport;
import org.blended.service.ruleset.lifecycle.RuleSetLibrary;
import org.blended.service.ruleset.lifecycle.RuleSetRefusedException;
import org.blended.service.ruleset.source.RuleSetFile;
import org.blended.service.ruleset.source.ShippedRuleSet;
import org.blended.service.ruleset.store.RuleSetStore;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.blended.service.Examples;
import org.blended.service.Http;
import org.blended.service.TestLenders;
import org.blended.service.decision.StoredApplicationRepository;
import org.blended.service.decision.DecisionRepository;
import org.blended.service.assessment.RuleEngine;
import org.blended.service.decision.StoredInputs;
import org.blended.service.replay.ReplayService;
import org.blended.service.security.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Every hostile case against every path that compiles a stored rule set, on PostgreSQL: validate,
 * what-if and publish through the API, and replay of a decision whose version's files were
 * tampered with in the database (read by a fresh instance, as after a restart). Each is refused
 * with the file and what was refused; afterwards no marker file exists, so nothing of it ran.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"postgres", "test"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileRuleSetPathsTest {

    @LocalServerPort
    int port;
    @Autowired
    TestLenders lenders;
    @Autowired
    ShippedVersion shipped;
    @Autowired
    RuleSetStore store;
    @Autowired
    RuleSetCompiler compiler;
    @Autowired
    ShippedRuleSet shippedRuleSet;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    StoredApplicationRepository applications;
    @Autowired
    DecisionRepository decisions;
    @Autowired
    StoredInputs inputs;
    @Autowired
    RuleEngine engine;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    com.fasterxml.jackson.databind.ObjectMapper json;

    Http policy;
    TestLenders.TestLender applicant;
    int tampered;
    UUID decidedUnderTampered;

    @BeforeAll
    void aDecisionUnderAnEditedVersion() throws IOException {
        deleteMarkers();
        Files.createDirectories(HostileRuleContent.MARKERS); // so that a write, had one run, would have succeeded
        policy = new Http(port, lenders.keyFor(Role.POLICY_OWNER));
        applicant = lenders.newLender();
        Http lender = new Http(port, applicant.apiKey());
        String table = policy.get("/api/v1/rule-sets/active/files/" + RuleSetEdits.RESERVES_TABLE).body();
        HttpResponse<String> uploaded = policy.upload("/api/v1/rule-sets", Map.of(RuleSetEdits.RESERVES_TABLE,
                RuleSetEdits.higherMinimumReserves(table).getBytes(StandardCharsets.UTF_8)), Map.of());
        tampered = Http.json(uploaded).get("version").asInt();
        assertThat(Http.json(policy.post("/api/v1/rule-sets/" + tampered + "/validation", "application/json", ""))
                .get("valid").asBoolean()).isTrue();
        assertThat(policy.post("/api/v1/rule-sets/" + tampered + "/publication", "application/json", "{\"reason\": \"Test: publish\"}").statusCode())
                .isEqualTo(200);
        String example = Examples.expectedOutcomes().keySet().iterator().next();
        decidedUnderTampered = UUID.fromString(Http.json(lender.postJson("/api/v1/applications", Examples.json(example)))
                .get("applicationId").asText());
        shipped.restore();
    }

    @AfterAll
    void nothingRan() throws IOException {
        shipped.restore();
        assertThat(HostileRuleContent.MARKERS).isEmptyDirectory();
        deleteMarkers();
    }

    List<HostileRuleContent.Case> hostile() {
        return HostileRuleContent.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void validationRefusesIt(HostileRuleContent.Case hostile) {
        int version = draftOf(hostile);
        JsonNode report = Http.json(policy.post("/api/v1/rule-sets/" + version + "/validation", "application/json", ""));
        assertThat(report.get("valid").asBoolean()).isFalse();
        assertThat(report.get("scenariosRun").asInt()).isZero();
        assertThat(report.get("problems")).as(report.toString()).anySatisfy(problem -> refused(hostile, problem));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void whatIfRefusesItUnvalidated(HostileRuleContent.Case hostile) {
        int version = draftOf(hostile);
        HttpResponse<String> started = policy.postJson("/api/v1/rule-sets/" + version + "/what-if", "{}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(409);
        assertThat(Http.json(started).get("problems")).anySatisfy(problem -> refused(hostile, problem));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void publishingRefusesItEvenMarkedValid(HostileRuleContent.Case hostile) throws Exception {
        int version = draftOf(hostile);
        ValidationReport forged = new ValidationReport(version, true, "the Test Scenarios", List.of(), 1, 0, List.of(), 0, 0,
                java.time.Instant.now());
        store.recordValidation(version, true, json.writeValueAsString(forged), "a tampered database", forged.summary());
        HttpResponse<String> published = policy.post("/api/v1/rule-sets/" + version + "/publication", "application/json", "{\"reason\": \"Test: publish\"}");
        assertThat(published.statusCode()).as(published.body()).isEqualTo(409);
        assertThat(Http.json(published).get("problems")).anySatisfy(problem -> refused(hostile, problem));
        assertThat(store.activeVersion()).contains(shipped.version());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void replayRefusesItWhenAStoredVersionWasTamperedWith(HostileRuleContent.Case hostile) {
        List<RuleSetFile> original = store.files(tampered);
        jdbc.update("delete from rule_set_file where version = ?", tampered);
        jdbc.update("insert into rule_set_file (version, path, content) values (?, ?, ?)", tampered,
                hostile.file().path(), hostile.file().content());
        try {
            // a fresh instance: nothing compiled yet, as after a restart
            RuleSetLibrary library = new RuleSetLibrary(store, compiler, shippedRuleSet);
            ReplayService replay = new ReplayService(applications, decisions, library, engine, inputs, transactions);
            assertThatThrownBy(() -> replay.replay(applicant.id(), decidedUnderTampered))
                    .isInstanceOfSatisfying(RuleSetRefusedException.class, refusal ->
                            assertThat(refusal.problems()).anySatisfy(problem -> {
                                assertThat(problem.file()).isEqualTo(hostile.file().name());
                                assertThat(problem.message()).contains(hostile.refusal());
                            }));
        } finally {
            jdbc.update("delete from rule_set_file where version = ?", tampered);
            for (RuleSetFile file : original) {
                jdbc.update("insert into rule_set_file (version, path, content) values (?, ?, ?)", tampered,
                        file.path(), file.content());
            }
        }
    }

    /** A draft holding the hostile file alone, stored as an upload would store it. */
    private int draftOf(HostileRuleContent.Case hostile) {
        return store.create(null, shipped.version(), "hostile: " + hostile.name(), List.of(hostile.file()), "hostile author")
                .version();
    }

    private static void refused(HostileRuleContent.Case hostile, JsonNode problem) {
        assertThat(problem.get("file").asText()).isEqualTo(hostile.file().name());
        if (hostile.where() != null) {
            assertThat(problem.get("where").asText()).isEqualTo(hostile.where());
        }
        assertThat(problem.get("message").asText()).contains(hostile.refusal());
    }

    private static void deleteMarkers() throws IOException {
        if (Files.exists(HostileRuleContent.MARKERS)) {
            try (Stream<Path> paths = Files.walk(HostileRuleContent.MARKERS)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}

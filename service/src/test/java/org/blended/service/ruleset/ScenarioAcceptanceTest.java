package org.blended.service.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import org.blended.service.ruleset.build.ValidationReport;
import org.blended.service.ruleset.lifecycle.RuleSets;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.blended.service.Http;
import org.blended.service.TestLenders;
import org.blended.service.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.springframework.test.context.ActiveProfiles;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * A policy owner raises the debt service cover needed for green, sees each failing Test Scenario as
 * expected vs draft, accepts the draft's values (a criterion's, then all), validates again and
 * passes; every accepted change is listed with the draft and in its history.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"postgres", "test"})
class ScenarioAcceptanceTest {

    @LocalServerPort
    int port;
    @Autowired
    TestLenders lenders;
    @Autowired
    RuleSets ruleSets;
    @Autowired
    SpringTemplateEngine templates;

    Http policy;

    @BeforeEach
    void policyOwner() {
        policy = new Http(port, lenders.keyFor(Role.POLICY_OWNER));
    }

    @Test
    void failingScenariosShowExpectedAndActualAndTakeTheDraftsValuesWhenAccepted() {
        String table = policy.get("/api/v1/rule-sets/active/files/" + RuleSetEdits.COVER_TABLE).body();
        int version = Http.json(created(policy.upload("/api/v1/rule-sets",
                Map.of(RuleSetEdits.COVER_TABLE, RuleSetEdits.greenCoverFromTwo(table).getBytes(StandardCharsets.UTF_8)),
                Map.of("note", "Green from a cover of 2.0")))).get("version").asInt();

        JsonNode report = ok(policy.post("/api/v1/rule-sets/" + version + "/validation", "application/json", ""));
        assertThat(report.get("valid").asBoolean()).isFalse();
        List<JsonNode> failed = failed(report);
        System.out.println(failed.size() + " scenarios fail after raising the green cover to 2.0");
        JsonNode boundary = failed.stream().filter(s -> s.get("description").asText().equals("Debt service cover exactly 1.25 is green"))
                .findFirst().orElseThrow();
        assertThat(boundary.get("failure").asText()).isNotBlank(); // the plain-words message stays
        List<String> checks = new java.util.ArrayList<>();
        boundary.get("expectations").forEach(e -> checks.add(e.get("checks").asText() + ": " + e.get("shownExpected").asText()
                + " -> " + e.get("shownActual").asText()));
        assertThat(checks).as("the criterion's own reasons, rating and points").containsExactly(
                "Assessment / reasonCodesByCriterion: F1: F1-GREEN -> F1: F1-AMBER",
                "Assessment / ratingsByCriterion: F1: GREEN -> F1: AMBER",
                "Assessment / pointsByCriterion: F1: 3 -> F1: 1");
        assertThat(failed).allSatisfy(s -> assertThat(s.get("expectations")).isNotEmpty());
        JsonNode coverage = report.get("coverage");
        assertThat(coverage.get("rows").asInt()).isPositive();
        assertThat(coverage.get("rowsPercent").asDouble()).isBetween(1.0, 100.0);
        assertThat(coverage.get("unexercisedRows")).isNotEmpty();

        String code = failed.stream().map(ScenarioAcceptanceTest::criterion).filter(c -> c != null).findFirst().orElseThrow();
        List<String> ofCriterion = failed.stream().filter(s -> code.equals(criterion(s)))
                .map(s -> s.get("file").asText() + "#" + s.get("index").asInt()).toList();
        String page = render(version);
        assertThat(page).contains("id=\"accept-all\"", "id=\"accept-criterion-" + code + "\"",
                "id=\"accept-financial-boundaries-scesim-1\"", "Draft gives", "id=\"row-coverage\"");

        JsonNode accepted = ok(policy.postJson("/api/v1/rule-sets/" + version + "/scenarios/acceptance",
                "{\"criterion\": \"" + code + "\"}"));
        assertThat(accepted.get("scenarios").asInt()).isEqualTo(ofCriterion.size());
        assertThat(accepted.get("changes")).isNotEmpty().allSatisfy(c -> {
            assertThat(c.get("criterion").asText()).isEqualTo(code);
            assertThat(c.get("acceptedBy").asText()).isEqualTo("test POLICY_OWNER");
            assertThat(c.get("newExpected").asText()).isNotEqualTo(c.get("oldExpected").asText());
        });

        JsonNode draft = ok(policy.get("/api/v1/rule-sets/" + version));
        assertThat(draft.hasNonNull("valid")).as("its last validation no longer stands").isFalse();
        assertThat(draft.get("acceptedChanges")).hasSize(accepted.get("changes").size());
        assertThat(actions(draft)).filteredOn("ACCEPTED"::equals).hasSize(ofCriterion.size());
        HttpResponse<String> publish = policy.postJson("/api/v1/rule-sets/" + version + "/publication",
                "{\"reason\": \"Green from a cover of 2.0\"}");
        assertThat(publish.statusCode()).isEqualTo(409);
        assertThat(Http.json(publish).get("detail").asText()).contains("validate it again");
        assertThat(render(version)).contains("id=\"accepted-changes\"", "id=\"validate-again\"");

        JsonNode again = ok(policy.post("/api/v1/rule-sets/" + version + "/validation", "application/json", ""));
        List<String> stillFailing = failed(again).stream().map(s -> s.get("file").asText() + "#" + s.get("index").asInt()).toList();
        assertThat(stillFailing).doesNotContainAnyElementsOf(ofCriterion).hasSize(failed.size() - ofCriterion.size());
        HttpResponse<String> nothingLeft = policy.postJson("/api/v1/rule-sets/" + version + "/scenarios/acceptance",
                "{\"criterion\": \"" + code + "\"}");
        assertThat(nothingLeft.statusCode()).isEqualTo(409);
        assertThat(Http.json(nothingLeft).get("detail").asText()).contains("no failing scenario of " + code);

        ok(policy.postJson("/api/v1/rule-sets/" + version + "/scenarios/acceptance", "{\"all\": true}"));
        JsonNode passing = ok(policy.post("/api/v1/rule-sets/" + version + "/validation", "application/json", ""));
        assertThat(passing.get("valid").asBoolean()).as(passing.toString()).isTrue();
        assertThat(passing.get("scenariosFailed").asInt()).isZero();
        JsonNode history = ok(policy.get("/api/v1/rule-sets/" + version));
        assertThat(actions(history)).filteredOn("ACCEPTED"::equals).hasSize(failed.size());
        assertThat(history.get("history").toString()).contains("Debt service cover exactly 1.25 is green")
                .contains("Assessment / ratingsByCriterion");
        assertThat(ok(policy.get("/api/v1/rule-sets/" + version + "/scenarios/accepted")))
                .hasSize(history.get("acceptedChanges").size());
    }

    @Test
    void acceptingNeedsADraftAndSaysWhichScenarios() {
        HttpResponse<String> unclear = policy.postJson("/api/v1/rule-sets/active/scenarios/acceptance".replace("active",
                String.valueOf(ok(policy.get("/api/v1/rule-sets/active")).get("version").asInt())), "{}");
        assertThat(unclear.statusCode()).isEqualTo(400);
        assertThat(Http.json(unclear).get("detail").asText()).contains("a criterion");
        int active = ok(policy.get("/api/v1/rule-sets/active")).get("version").asInt();
        HttpResponse<String> notDraft = policy.postJson("/api/v1/rule-sets/" + active + "/scenarios/acceptance", "{\"all\": true}");
        assertThat(notDraft.statusCode()).isEqualTo(409);
        assertThat(Http.json(notDraft).get("detail").asText()).contains("Only a draft");
    }

    /** The fragments as the version page includes them. */
    private String render(int version) {
        MockServletContext servlet = new MockServletContext();
        var exchange = JakartaServletWebApplication.buildApplication(servlet)
                .buildExchange(new MockHttpServletRequest(servlet), new MockHttpServletResponse());
        Map<String, Object> model = new HashMap<>();
        model.put("version", ruleSets.get(version));
        ValidationReport report = ruleSets.lastValidation(version);
        model.put("report", report);
        model.put("acceptedChanges", ruleSets.acceptedChanges(version));
        model.put("zone", ZoneId.of("Europe/London"));
        WebContext context = new WebContext(exchange, Locale.UK, model);
        return templates.process("policy/scenarios", java.util.Set.of("failing-scenarios", "coverage", "accepted-changes"), context);
    }

    private static List<JsonNode> failed(JsonNode report) {
        List<JsonNode> failed = new ArrayList<>();
        report.get("scenarios").forEach(s -> {
            if (!s.get("passed").asBoolean()) {
                failed.add(s);
            }
        });
        return failed;
    }

    private static String criterion(JsonNode scenario) {
        return scenario.hasNonNull("criterion") ? scenario.get("criterion").asText() : null;
    }

    private static List<String> actions(JsonNode version) {
        List<String> actions = new ArrayList<>();
        version.get("history").forEach(e -> actions.add(e.get("action").asText()));
        return actions;
    }

    private static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response);
    }

    private static HttpResponse<String> created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return response;
    }
}

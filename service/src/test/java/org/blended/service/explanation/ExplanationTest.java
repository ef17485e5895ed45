package org.blended.service.explanation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.blended.service.Examples;
import org.blended.service.Http;
import org.blended.service.TestLenders;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"postgres", "test"})
class ExplanationTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    TestLenders lenders;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port, lenders.newLender().apiKey());
    }

    @TestFactory
    List<DynamicTest> everyExampleIsExplainedFromItsReasons() {
        List<DynamicTest> tests = new ArrayList<>();
        Examples.expectedOutcomes().forEach((file, outcome) -> tests.add(DynamicTest.dynamicTest(file, () -> {
            JsonNode explanation = explain(Examples.json(file));

            assertThat(explanation.get("outcome").asText()).isEqualTo(outcome);
            assertThat(explanation.get("themes").size()).isPositive();
            assertThat(explanation.at("/themes/0/socialValue").asBoolean()).as("social value stated first").isTrue();
            for (JsonNode theme : explanation.get("themes")) {
                for (JsonNode line : theme.get("counted")) {
                    assertThat(line.get("code").asText()).isNotBlank();
                }
            }
            if (!outcome.equals("APPROVE")) {
                assertThat(explanation.get("suggestions").size() > 0 || !explanation.get("searchNote").asText().isBlank()).isTrue();
            }
            for (JsonNode miss : explanation.get("nearMisses")) {
                double figure = miss.get("figure").asDouble();
                double threshold = miss.get("threshold").asDouble();
                assertThat(Math.abs(figure - threshold) / threshold).as("genuinely near: " + miss).isLessThanOrEqualTo(0.2);
                assertThat(miss.get("code").asText()).as("never a criterion that passed").doesNotContain("GREEN", "STRONG");
                assertThat(miss.get("applicantText").asText()).as("no code").doesNotContainPattern("\\b[A-Z]{1,2}\\d+\\b");
            }
            List<String> kinds = new ArrayList<>();
            explanation.get("suggestions").forEach(suggestion -> {
                List<String> fields = new ArrayList<>();
                suggestion.get("changes").forEach(change -> fields.add(change.get("field").asText()));
                kinds.add(fields.stream().sorted().toList() + " " + suggestion.get("reaches").asText());
            });
            assertThat(kinds).as("one suggestion per kind of change and outcome").doesNotHaveDuplicates();
        })));
        return tests;
    }

    @TestFactory
    List<DynamicTest> everySuggestionReachesTheOutcomeItPromisesWhenResubmitted() {
        List<DynamicTest> tests = new ArrayList<>();
        int[] suggestions = {0};
        Examples.expectedOutcomes().forEach((file, outcome) -> tests.add(DynamicTest.dynamicTest(file, () -> {
            JsonNode explanation = explain(Examples.json(file));
            for (JsonNode suggestion : explanation.get("suggestions")) {
                ObjectNode changed = (ObjectNode) JSON.readTree(Examples.json(file)); // a new reference: a new application
                for (JsonNode change : suggestion.get("changes")) {
                    apply(changed, change.get("field").asText(), change.get("to"));
                }
                JsonNode decision = Http.json(http.postJson("/api/v1/applications", changed.toString())).get("decision");
                assertThat(decision.get("outcome").asText()).as(file + " " + suggestion).isEqualTo(suggestion.get("reaches").asText());
                suggestions[0]++;
            }
        })));
        tests.add(DynamicTest.dynamicTest("suggestions were made", () -> assertThat(suggestions[0]).isGreaterThanOrEqualTo(5)));
        return tests;
    }

    @TestFactory
    List<DynamicTest> nearMissesQuoteTheFigureAndTheThreshold() {
        return List.of(DynamicTest.dynamicTest("bakery-cic.json", () -> {
            JsonNode explanation = explain(Examples.json("bakery-cic.json"));
            assertThat(explanation.get("nearMisses").toString()).contains("F6-AMBER")
                    .contains("Your free reserves would cover more than 3 weeks of spending; we look for at least 1 month.");
            assertThat(explanation.get("evidenceGaps").toString()).contains("I11-SELF-REPORTED-PRIORITY_GROUP_HIRES");
        }));
    }

    @TestFactory
    List<DynamicTest> aDeclinedApplicantIsPointedToReadinessSupportOnTheirPage() {
        return List.of(DynamicTest.dynamicTest("sole-trader-cafe.json", () -> {
            String link = Http.json(http.postJson("/api/v1/applications", Examples.json("sole-trader-cafe.json")))
                    .get("assessmentLink").asText();
            String page = new Http(port).get(link).body();
            assertThat(page).contains("Not approved this time").contains("Investment readiness support")
                    .contains("No change of one or two things you can act on would improve the outcome.");
        }));
    }

    private JsonNode explain(String json) {
        String id = Http.json(http.postJson("/api/v1/applications", json)).get("applicationId").asText();
        return Http.json(http.get("/api/v1/applications/" + id + "/explanation"));
    }

    /** Sets "request.amount" or "impact.claims[1].evidence"; offering security also marks the loan secured. */
    static void apply(ObjectNode application, String path, JsonNode value) {
        String[] steps = path.split("\\.");
        JsonNode node = application;
        for (int i = 0; i < steps.length - 1; i++) {
            node = step(node, steps[i]);
        }
        ((ObjectNode) node).set(steps[steps.length - 1], value);
        if (path.equals("request.securityValue")) {
            ((ObjectNode) node).put("secured", true);
        }
    }

    private static JsonNode step(JsonNode node, String step) {
        int bracket = step.indexOf('[');
        if (bracket < 0) {
            return node.get(step);
        }
        ArrayNode array = (ArrayNode) node.get(step.substring(0, bracket));
        return array.get(Integer.parseInt(step.substring(bracket + 1, step.length() - 1)));
    }
}

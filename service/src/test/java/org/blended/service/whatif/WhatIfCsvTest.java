package org.blended.service.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.blended.service.Examples;
import org.blended.service.Http;
import org.blended.service.TestLenders;
import org.blended.service.ruleset.RuleSetEdits;
import org.blended.service.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A what-if of a draft no one has validated yet runs all the same, says it is not validated, and its
 * changed applications download as CSV, one row each, those whose outcome changes first.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"postgres", "test"})
class WhatIfCsvTest {

    @LocalServerPort
    int port;

    @Autowired
    TestLenders lenders;

    @Test
    void aDraftNotValidatedIsSimulatedAndItsChangesDownloadAsCsvOutcomeChangesFirst() {
        Http policy = new Http(port, lenders.keyFor(Role.POLICY_OWNER));
        TestLenders.TestLender lender = lenders.newLender();
        Http api = new Http(port, lender.apiKey());
        for (String example : Examples.expectedOutcomes().keySet()) {
            assertThat(api.postJson("/api/v1/applications", Examples.json(example)).statusCode()).isEqualTo(201);
        }
        String table = policy.get("/api/v1/rule-sets/active/files/" + RuleSetEdits.RESERVES_TABLE).body();
        int draft = Http.json(policy.upload("/api/v1/rule-sets", Map.of(RuleSetEdits.RESERVES_TABLE,
                RuleSetEdits.higherMinimumReserves(table).getBytes(StandardCharsets.UTF_8)), Map.of())).get("version").asInt();

        HttpResponse<String> started = policy.postJson("/api/v1/rule-sets/" + draft + "/what-if",
                "{\"lender\": \"" + lender.code() + "\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String run = Http.json(started).get("id").asText();
        JsonNode finished = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> Http.json(policy.get("/api/v1/what-if/" + run)), r -> !r.get("status").asText().equals("RUNNING"));
        assertThat(finished.get("status").asText()).as(finished.toString()).isEqualTo("FINISHED");
        assertThat(finished.path("draftValid").isMissingNode() || finished.get("draftValid").isNull()).as("not validated")
                .isTrue();
        assertThat(finished.get("changed").asInt()).isEqualTo(4);

        HttpResponse<String> csv = policy.send(policy.request("/api/v1/what-if/" + run + ".csv").GET());
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d)
                .startsWith("attachment; filename=\"what-if-version-" + draft + "-against-"));
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("lender_reference,organisation,legal_form,amount,outcome_active,outcome_draft,"
                + "outcome_changed,reasons_added,reasons_dropped,reasons_active,reasons_draft,why");
        assertThat(lines).hasSize(1 + 4);
        JsonNode changes = finished.get("changes");
        for (int i = 0; i < 4; i++) {
            String line = lines.get(i + 1);
            assertThat(line).startsWith(changes.get(i).get("lenderReference").asText() + ",")
                    .contains(",F6-AMBER(0),F6-GREEN(1),").contains("we look for.");
        }
        assertThat(changes.findValuesAsText("outcomeChanged")).isSortedAccordingTo((a, b) -> Boolean.compare(
                Boolean.parseBoolean(b), Boolean.parseBoolean(a)));

        assertThat(policy.get("/api/v1/what-if/00000000-0000-0000-0000-000000000000.csv").statusCode()).isEqualTo(404);
        assertThat(api.get("/api/v1/what-if/" + run + ".csv").statusCode()).as("a lender's key").isEqualTo(403);
    }
}

package org.blended.service.explanation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.blended.service.Examples;
import org.blended.service.Http;
import org.blended.service.TestLenders;
import org.blended.service.ruleset.ShippedVersion;
import org.blended.service.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * An earlier decision is explained as it was made: after a new version is published, its
 * suggestions are still those its own version verifies, while a new submission gets the new ones.
 * The new version lends unsecured over six years at most instead of ten, the longest term the
 * search may suggest.
 */
// A budget no cold first search runs out of: the comparison is of complete searches.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "blended.explanation.search-millis=30000")
@ActiveProfiles({"postgres", "test"})
class ExplanationVersionTest {

    /** Referred, unsecured over five years: as shipped, a smaller amount over eight years is approved with conditions. */
    static final String EXAMPLE = "youth-boxing-charity.json";
    static final String KINDS_TABLE = "kinds-of-lending.drl.csv";
    static final int SHORTER_LONGEST_TERM = 72;

    @LocalServerPort
    int port;

    @Autowired
    TestLenders lenders;

    @Autowired
    ShippedVersion shipped;

    @AfterEach
    void backToTheShippedRules() {
        shipped.restore();
    }

    @Test
    void anEarlierDecisionIsExplainedWithItsOwnVersionAfterANewOneIsPublished() {
        Http lender = new Http(port, lenders.newLender().apiKey());
        Http policy = new Http(port, lenders.keyFor(Role.POLICY_OWNER));
        String earlier = submitted(lender);
        JsonNode before = explanation(lender, earlier);
        String shippedLabel = before.get("ruleSetVersion").asText();
        assertThat(before.get("outcome").asText()).isNotEqualTo("APPROVE");
        assertThat(before.get("suggestions")).as(before.get("searchNote").asText()).isNotEmpty();

        int version = published(policy);

        JsonNode after = explanation(lender, earlier);
        assertThat(after.get("ruleSetVersion").asText()).isEqualTo(shippedLabel);
        assertThat(after.get("suggestions")).as("verified with the version that decided").isEqualTo(before.get("suggestions"));
        assertThat(longestTermSuggested(after)).as(after.toString()).isGreaterThan(SHORTER_LONGEST_TERM);

        JsonNode now = explanation(lender, submitted(lender));
        assertThat(now.get("ruleSetVersion").asText()).isEqualTo("rule-set-" + version);
        assertThat(longestTermSuggested(now)).as(now.toString()).isLessThanOrEqualTo(SHORTER_LONGEST_TERM);
        assertThat(now.get("suggestions")).as("the new version verifies other suggestions").isNotEqualTo(after.get("suggestions"));
    }

    /** The longest term any suggestion proposes, 0 when none proposes a term. */
    private static int longestTermSuggested(JsonNode explanation) {
        int longest = 0;
        for (JsonNode suggestion : explanation.get("suggestions")) {
            for (JsonNode change : suggestion.get("changes")) {
                if (change.get("field").asText().equals("request.termMonths")) {
                    longest = Math.max(longest, change.get("to").asInt());
                }
            }
        }
        return longest;
    }

    private static String submitted(Http lender) {
        HttpResponse<String> created = lender.postJson("/api/v1/applications", Examples.json(EXAMPLE));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Http.json(created).get("applicationId").asText();
    }

    private static JsonNode explanation(Http lender, String id) {
        HttpResponse<String> response = lender.get("/api/v1/applications/" + id + "/explanation");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response);
    }

    /** Unsecured lending over six years at most: uploaded, validated and published; the new version's number. */
    private static int published(Http policy) {
        String table = policy.get("/api/v1/rule-sets/active/files/" + KINDS_TABLE).body();
        String edited = table.replace("Unsecured lending,false,,1,general lending,120,", "Unsecured lending,false,,1,general lending,"
                + SHORTER_LONGEST_TERM + ",");
        assertThat(edited).as("the kinds of lending as shipped").isNotEqualTo(table);
        HttpResponse<String> uploaded = policy.upload("/api/v1/rule-sets",
                Map.of(KINDS_TABLE, edited.getBytes(StandardCharsets.UTF_8)), Map.of("note", "Unsecured over six years at most"));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        int version = Http.json(uploaded).get("version").asInt();
        HttpResponse<String> validated = policy.post("/api/v1/rule-sets/" + version + "/validation", "application/json", "");
        assertThat(Http.json(validated).get("valid").asBoolean()).as(validated.body()).isTrue();
        HttpResponse<String> published = policy.post("/api/v1/rule-sets/" + version + "/publication", "application/json", "{\"reason\": \"Test: publish\"}");
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        return version;
    }
}

package org.blended.service.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import org.springframework.test.context.ActiveProfiles;

/**
 * Policy owners edit values, rule authors code, through the API: a policy owner's new threshold
 * becomes a draft that validates; a changed code row or a DRL file from a policy owner is refused
 * with 403 saying what changed where; a rule author's key uploads both.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"postgres", "test"})
class RuleAuthorTest {

    static final String DRL = """
            package org.blended.rules.extra;
            import org.blended.rules.assessment.*;
            rule "Nothing to see"
            when
                $a : Assessment(outcome == Outcome.APPROVE, outcome == Outcome.DECLINE)
            then
            end
            """;

    @LocalServerPort
    int port;

    @Autowired
    TestLenders lenders;

    Http policyOwner;
    Http ruleAuthor;
    String reserves;

    @BeforeEach
    void callers() {
        policyOwner = new Http(port, lenders.keyFor(Role.POLICY_OWNER));
        ruleAuthor = new Http(port, lenders.keyFor(Role.RULE_AUTHOR));
        reserves = policyOwner.get("/api/v1/rule-sets/active/files/" + RuleSetEdits.RESERVES_TABLE).body();
    }

    @Test
    void aPolicyOwnersValueChangeBecomesADraftThatValidates() {
        HttpResponse<String> uploaded = upload(policyOwner, RuleSetEdits.RESERVES_TABLE, RuleSetEdits.higherMinimumReserves(reserves));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);

        int version = Http.json(uploaded).get("version").asInt();
        JsonNode report = Http.json(policyOwner.post("/api/v1/rule-sets/" + version + "/validation", "application/json", ""));
        assertThat(report.get("valid").asBoolean()).as(report.toString()).isTrue();
    }

    @Test
    void aChangedCodeRowOrADrlFileFromAPolicyOwnerIsRefusedWith403SayingWhatChangedWhere() {
        int versions = Http.json(policyOwner.get("/api/v1/rule-sets")).size();

        HttpResponse<String> codeRow = upload(policyOwner, RuleSetEdits.RESERVES_TABLE, RuleSetEdits.reservesPointsCodeChanged(reserves));
        assertThat(codeRow.statusCode()).as(codeRow.body()).isEqualTo(403);
        assertThat(codeRow.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = Http.json(codeRow);
        assertThat(problem.get("title").asText()).isEqualTo("Code changes need a rule author");
        assertThat(problem.get("detail").asText())
                .contains("reserves.drl.csv, row 8, \"Points\": the code row changed: ")
                .contains("Theme.FINANCIAL, $param).higherIsBetter").contains("became").contains("Theme.FINANCIAL, $param + 1).higherIsBetter")
                .contains("only a rule author may change");
        assertThat(problem.get("problems").get(0).get("where").asText()).isEqualTo("row 8, \"Points\"");

        HttpResponse<String> drl = upload(policyOwner, "extra.drl", DRL);
        assertThat(drl.statusCode()).as(drl.body()).isEqualTo(403);
        assertThat(Http.json(drl).get("detail").asText()).contains("extra.drl: is a new DRL file, and DRL is code");

        assertThat(Http.json(policyOwner.get("/api/v1/rule-sets")).size()).as("no draft was made").isEqualTo(versions);
    }

    @Test
    void aRuleAuthorsKeyUploadsDrlAndCodeRows() {
        HttpResponse<String> drl = upload(ruleAuthor, "extra.drl", DRL);
        assertThat(drl.statusCode()).as(drl.body()).isEqualTo(201);
        assertThat(Http.json(drl).get("createdBy").asText()).isEqualTo("test " + Role.RULE_AUTHOR);

        HttpResponse<String> codeRow = upload(ruleAuthor, RuleSetEdits.RESERVES_TABLE, RuleSetEdits.reservesPointsCodeChanged(reserves));
        assertThat(codeRow.statusCode()).as(codeRow.body()).isEqualTo(201);
        int version = Http.json(codeRow).get("version").asInt();
        assertThat(ruleAuthor.post("/api/v1/rule-sets/" + version + "/validation", "application/json", "").statusCode())
                .isEqualTo(200);
    }

    @Test
    void aCellItsColumnCannotTakeIsRefusedWith400WhoeverUploadsIt() {
        String threePoints = reserves.replace(",1,3,1,GREEN,", ",1,3,three,GREEN,");
        for (Http uploader : new Http[] {policyOwner, ruleAuthor}) {
            HttpResponse<String> refused = upload(uploader, RuleSetEdits.RESERVES_TABLE, threePoints);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
            assertThat(Http.json(refused).get("detail").asText())
                    .contains("reserves.drl.csv, row 11, \"Points\": \"three\" is not a number");
        }
    }

    private static HttpResponse<String> upload(Http uploader, String name, String content) {
        return uploader.upload("/api/v1/rule-sets", Map.of(name, content.getBytes(StandardCharsets.UTF_8)), Map.of());
    }
}

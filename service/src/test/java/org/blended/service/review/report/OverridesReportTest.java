package org.blended.service.review.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.blended.rules.assessment.Outcome;
import org.blended.service.Http;
import org.blended.service.TestLenders;
import org.blended.service.review.people.Officer;
import org.blended.service.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Officers of two fresh lenders settle cases through the real services; the API's figures are
 * those cases': counts by criterion, reason, direction, version and officer, the override rate,
 * and the median and 95th percentile time to a human decision. Every figure asked of a policy
 * owner's key names a fresh lender, since other tests' decisions share the database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"postgres", "test"})
class OverridesReportTest {

    private static final double HOUR = 3600;
    /** The seconds between moving a case's opening back and the decision being stamped: a test's own pace. */
    private static final double SLACK = 120;

    @LocalServerPort
    int port;

    @Autowired
    TestLenders lenders;

    @Autowired
    OfficerDesk desk;

    @Test
    void policyOwnersAndLendersLearnWhatOfficersOverrodeAndHowLongTheyTook() {
        TestLenders.TestLender a = lenders.newLender();
        TestLenders.TestLender b = lenders.newLender();
        Http apiA = new Http(port, a.apiKey());
        Officer alice = desk.officer(a.id(), "alice", Role.OFFICER);
        Officer bob = desk.officer(a.id(), "bob", Role.OFFICER);
        Officer sam = desk.officer(a.id(), "sam", Role.SENIOR_OFFICER);
        Map<String, Integer> overridesByCriterion = new HashMap<>();

        // Three overrides of referrals (every settlement of a referral is one: REFER is no final outcome) ...
        UUID homelessness = desk.submit(apiA, "homelessness-charity-cio.json");
        List<String> disputed = List.of(desk.criteria(homelessness).get(0));
        disputed.forEach(c -> overridesByCriterion.merge(c, 1, Integer::sum));
        desk.settle(alice, sam, homelessness, Duration.ofHours(2), Outcome.DECLINE, "DATA_ERROR", disputed);

        UUID boxing = desk.submit(apiA, "youth-boxing-charity.json"); // 150,000 in its favour: four eyes
        disputed = desk.criteria(boxing).subList(0, 2);
        disputed.forEach(c -> overridesByCriterion.merge(c, 1, Integer::sum));
        desk.settle(alice, sam, boxing, Duration.ofHours(10), Outcome.APPROVE, "LOCAL_KNOWLEDGE", disputed);

        UUID arts = desk.submit(apiA, "arts-venue-cic.json");
        disputed = List.of(desk.criteria(arts).get(0));
        disputed.forEach(c -> overridesByCriterion.merge(c, 1, Integer::sum));
        desk.settle(bob, sam, arts, Duration.ofHours(30), Outcome.DECLINE, "DATA_ERROR", disputed);

        // ... two declines kept on cases officers opened, and a referral still open (not counted)
        desk.settle(bob, sam, desk.submit(apiA, "sole-trader-cafe.json"), Duration.ofHours(4), Outcome.DECLINE, null, List.of());
        desk.settle(alice, sam, desk.submit(apiA, "unlocked-clg-gym.json"), Duration.ofHours(50), Outcome.DECLINE, null, List.of());
        desk.submit(apiA, "food-bank-no-accounts.json");

        // The other lender: one override
        Http apiB = new Http(port, b.apiKey());
        Officer carol = desk.officer(b.id(), "carol", Role.OFFICER);
        desk.settle(carol, null, desk.submit(apiB, "homelessness-charity-cio.json"), Duration.ofHours(1), Outcome.DECLINE,
                "NEW_EVIDENCE", List.of());

        JsonNode report = ok(apiA.get("/api/v1/reports/overrides"));
        assertThat(report.at("/scope/lender").asText()).isEqualTo(a.code());
        assertThat(report.at("/scope/timeZone").asText()).isEqualTo("Europe/London");
        YearMonth now = YearMonth.now(ZoneId.of("Europe/London"));
        assertThat(report.at("/scope/to").asText()).isEqualTo(now.toString());
        assertThat(report.at("/scope/from").asText()).isEqualTo(now.minusMonths(11).toString());

        JsonNode total = report.get("total");
        assertThat(total.get("finalDecisions").asInt()).isEqualTo(5);
        assertThat(total.get("overrides").asInt()).isEqualTo(3);
        assertThat(total.get("overrideRate").asDouble()).isEqualTo(0.6);
        // 2, 4, 10, 30 and 50 hours: the median is 10; the 95th percentile is 30 + 0.8 × (50 − 30) = 46 (interpolated)
        assertThat(total.get("medianSecondsToDecision").asDouble()).isCloseTo(10 * HOUR, within(SLACK));
        assertThat(total.get("p95SecondsToDecision").asDouble()).isCloseTo(46 * HOUR, within(SLACK));

        JsonNode months = report.get("months");
        assertThat(months).hasSize(12);
        JsonNode thisMonth = months.get(11);
        assertThat(thisMonth.get("month").asText()).isEqualTo(now.toString());
        assertThat(thisMonth.at("/figures/finalDecisions").asInt()).isEqualTo(5);
        assertThat(thisMonth.at("/figures/overrideRate").asDouble()).isEqualTo(0.6);
        assertThat(thisMonth.at("/figures/p95SecondsToDecision").asDouble()).isCloseTo(46 * HOUR, within(SLACK));
        assertThat(months.get(0).at("/figures/finalDecisions").asInt()).isZero();
        assertThat(months.get(0).at("/figures/overrideRate").isMissingNode()).as("no rate without decisions").isTrue();

        assertThat(overrides(report.get("byReason"))).containsExactly(Map.entry("DATA_ERROR", 2), Map.entry("LOCAL_KNOWLEDGE", 1));
        assertThat(report.at("/byReason/0/label").asText()).isEqualTo("The application's data was wrong");
        assertThat(overrides(report.get("byDirection")))
                .containsExactly(Map.entry("LESS_FAVOURABLE", 2), Map.entry("MORE_FAVOURABLE", 1));
        assertThat(overrides(report.get("byCriterion"))).isEqualTo(overridesByCriterion);
        assertThat(overrides(report.get("byOfficer"))).containsExactly(Map.entry(alice.username(), 2), Map.entry(bob.username(), 1));
        JsonNode aliceFigures = report.at("/byOfficer/0/figures");
        assertThat(aliceFigures.get("finalDecisions").asInt()).as("the proposer decided; the senior only approved").isEqualTo(3);
        assertThat(aliceFigures.get("medianSecondsToDecision").asDouble()).isCloseTo(10 * HOUR, within(SLACK));
        assertThat(report.get("byRuleSetVersion")).hasSize(1);
        assertThat(report.at("/byRuleSetVersion/0/figures/finalDecisions").asInt()).isEqualTo(5);

        // A lender's key reads its own lender only; naming another is refused
        assertThat(ok(apiB.get("/api/v1/reports/overrides")).at("/total/finalDecisions").asInt()).isEqualTo(1);
        assertThat(apiA.get("/api/v1/reports/overrides?lender=" + b.code()).statusCode()).isEqualTo(403);

        // A policy owner reads every lender's, or one's
        Http owner = apiA.as(lenders.keyFor(Role.POLICY_OWNER));
        assertThat(ok(owner.get("/api/v1/reports/overrides")).at("/total/finalDecisions").asInt()).isGreaterThanOrEqualTo(6);
        JsonNode ofA = ok(owner.get("/api/v1/reports/overrides?lender=" + a.code()));
        assertThat(ofA.get("total")).isEqualTo(total);
        String version = report.at("/byRuleSetVersion/0/key").asText();
        assertThat(ok(owner.get("/api/v1/reports/overrides?lender=" + a.code() + "&ruleSetVersion=" + version))
                .at("/total/finalDecisions").asInt()).isEqualTo(5);
        assertThat(ok(owner.get("/api/v1/reports/overrides?lender=" + a.code() + "&ruleSetVersion=no-such-version"))
                .at("/total/finalDecisions").asInt()).isZero();
        JsonNode lastMonthOnly = ok(owner.get("/api/v1/reports/overrides?lender=" + b.code() + "&from=" + now.minusMonths(1)
                + "&to=" + now.minusMonths(1)));
        assertThat(lastMonthOnly.get("months")).hasSize(1);
        assertThat(lastMonthOnly.at("/total/finalDecisions").asInt()).isZero();

        // The same figures for a spreadsheet
        HttpResponse<String> csv = apiA.send(apiA.request("/api/v1/reports/overrides").header("Accept", "text/csv").GET());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("section,key,label,final_decisions,overrides,override_rate,")
                .contains("\r\ntotal,,,5,3,0.6000,").contains("\r\nreason,DATA_ERROR,The application's data was wrong,2,2,1.0000,");
    }

    @Test
    void parametersThatCannotBeUsedAreRefusedSayingWhichAndWhy() {
        Http owner = new Http(port, lenders.keyFor(Role.POLICY_OWNER));
        refused(owner.get("/api/v1/reports/overrides?from=2026-13"), "from", "must be a month written YYYY-MM");
        refused(owner.get("/api/v1/reports/overrides?to=March"), "to", "it was March");
        refused(owner.get("/api/v1/reports/overrides?from=2026-05&to=2026-04"), "from", "must not be after to (2026-04)");
        refused(owner.get("/api/v1/reports/overrides?from=2010-01&to=2026-04"), "from", "at most 60 months");
        refused(owner.get("/api/v1/reports/overrides?lender=no-such-lender"), "lender", "no lender has the code no-such-lender");
        refused(owner.send(owner.request("/api/v1/reports/overrides?from=2026-13").header("Accept", "text/csv").GET()),
                "from", "must be a month written YYYY-MM");
    }

    private static void refused(HttpResponse<String> response, String parameter, String why) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = Http.json(response);
        assertThat(problem.get("parameter").asText()).isEqualTo(parameter);
        assertThat(problem.get("detail").asText()).startsWith("Request parameter " + parameter + " ").contains(why);
    }

    private static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response);
    }

    /** Each group's key and overrides, in the report's order. */
    private static Map<String, Integer> overrides(JsonNode groups) {
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        groups.forEach(g -> counts.put(g.get("key").asText(), g.at("/figures/overrides").asInt()));
        return counts;
    }
}

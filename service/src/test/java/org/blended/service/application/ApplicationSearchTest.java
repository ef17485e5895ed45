package org.blended.service.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import org.blended.service.Batches;
import org.blended.service.Examples;
import org.blended.service.Http;
import org.blended.service.TestLenders;
import org.blended.rules.assessment.Outcome;
import org.blended.service.review.TestOfficers;
import org.blended.service.review.cases.ReviewCase;
import org.blended.service.review.cases.ReviewCases;
import org.blended.service.review.people.Officer;
import org.blended.service.review.settlement.FinalDecisions;
import org.blended.service.review.settlement.Settlement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * GET /api/v1/applications against the real database: two lenders' applications, sent one by one
 * and as a batch; each filter's answer is checked against the whole list filtered here, every
 * list is read a few rows a page, so the cursor carries each answer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"postgres", "test"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApplicationSearchTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @LocalServerPort
    int port;

    @Autowired
    TestLenders lenders;

    @Autowired
    TestOfficers officers;

    @Autowired
    ReviewCases cases;

    @Autowired
    FinalDecisions finalDecisions;

    Http lender;
    Http other;
    UUID lenderId;
    final Set<String> submitted = new HashSet<>();
    final Set<String> othersSubmitted = new HashSet<>();
    String batchId;
    List<JsonNode> all;

    @BeforeAll
    void twoLendersApplications() {
        TestLenders.TestLender first = lenders.newLender();
        lenderId = first.id();
        lender = new Http(port, first.apiKey());
        other = new Http(port, lenders.newLender().apiKey());
        for (String example : Examples.expectedOutcomes().keySet()) {
            submitted.add(submit(lender, example));
            othersSubmitted.add(submit(other, example));
        }
        batchId = Batches.finished(lender, lender.post("/api/v1/batches", "text/csv", Batches.portfolioCsv()))
                .get("id").asText();
        decideOneReferral();
        all = pages(lender, "");
    }

    @Test
    void theWholeListIsTheLendersOwnNewestFirstEachRowOnce() {
        List<String> ids = ids(all);
        assertThat(ids).hasSize(30).doesNotHaveDuplicates().containsAll(submitted).doesNotContainAnyElementsOf(othersSubmitted);
        assertThat(all.stream().filter(a -> a.has("batchId")).count()).isEqualTo(15);
        for (int i = 1; i < all.size(); i++) {
            assertThat(Instant.parse(all.get(i - 1).get("receivedAt").asText()))
                    .isAfterOrEqualTo(Instant.parse(all.get(i).get("receivedAt").asText()));
        }
        JsonNode first = all.get(all.size() - 1);
        assertThat(first.get("legalName").asText()).isNotBlank();
        assertThat(first.get("amount").decimalValue()).isPositive();
        assertThat(ids(pages(other, ""))).containsExactlyInAnyOrderElementsOf(othersSubmitted);
    }

    @Test
    void eachFilterAnswersExactlyItsRowsInListOrder() {
        assertFilter("outcome=REFER", a -> a.get("outcome").asText().equals("REFER"), 8);
        assertFilter("outcome=APPROVE&channel=REST", a -> a.get("outcome").asText().equals("APPROVE"), 6);
        assertFilter("channel=REST", a -> true, 30);
        assertFilter("channel=FILE", a -> false, 0);
        assertFilter("batch=" + batchId, a -> a.has("batchId"), 15);
        assertFilter("legalForm=CBS", a -> a.get("legalForm").asText().equals("CBS"), 10);
        assertFilter("legalForm=CIC&outcome=DECLINE", a -> a.get("legalForm").asText().equals("CIC")
                && a.get("outcome").asText().equals("DECLINE"), 2);
        assertFilter("name=COMMUNITY", a -> a.get("legalName").asText().toLowerCase().contains("community"), 10);
        assertFilter("name=" + encode("maya's"), a -> a.get("legalName").asText().startsWith("Maya's"), 2);
        assertFilter("name=%25", a -> false, 0); // % is a character to find, not a wildcard
        assertFilter("name=_", a -> false, 0);
        String reference = all.get(3).get("lenderReference").asText();
        assertFilter("lenderReference=" + encode(reference), a -> a.get("lenderReference").asText().equals(reference), 1);
        assertFilter("lenderReference=" + encode(reference.toLowerCase()), a -> false, 0);
    }

    @Test
    void receivedFromAndToTakeInstantsAndWholeDays() {
        // one sent alone, so no other has its time (a batch's rows may share theirs)
        Instant middle = Instant.parse(all.get(20).get("receivedAt").asText());
        assertFilter("receivedFrom=" + encode(middle.toString()), a -> !received(a).isBefore(middle), 21);
        assertFilter("receivedTo=" + encode(middle.toString()), a -> received(a).isBefore(middle), 9);
        LocalDate day = LocalDate.ofInstant(middle, LONDON);
        Instant start = day.atStartOfDay(LONDON).toInstant();
        Instant end = day.plusDays(1).atStartOfDay(LONDON).toInstant();
        assertFilter("receivedFrom=" + day + "&receivedTo=" + day,
                a -> !received(a).isBefore(start) && received(a).isBefore(end), -1);
        assertFilter("receivedTo=" + day.minusDays(1), a -> false, 0);
    }

    @Test
    void reviewStateFindsCasesAndNoneTheRest() {
        long referred = all.stream().filter(a -> a.get("outcome").asText().equals("REFER")).count();
        assertThat(referred).isGreaterThan(2);
        // Every REFER opened a case; one of them a person has decided.
        assertFilter("reviewState=OPEN", a -> a.get("reviewState").asText().equals("OPEN"), (int) referred - 1);
        assertFilter("reviewState=DECIDED", a -> a.get("reviewState").asText().equals("DECIDED"), 1);
        assertFilter("reviewState=NONE", a -> a.get("reviewState").asText().equals("NONE"), all.size() - (int) referred);
        JsonNode decided = pages(lender, "reviewState=DECIDED").get(0);
        assertThat(decided.get("finalOutcome").asText()).isEqualTo("DECLINE");
        assertThat(pages(lender, "reviewState=OPEN").get(0).has("finalOutcome")).isFalse();
    }

    @Test
    void anotherLendersBatchOrReferenceFindsNothing() {
        assertThat(pages(other, "batch=" + batchId)).isEmpty();
        assertThat(pages(other, "lenderReference=" + encode(all.get(0).get("lenderReference").asText()))).isEmpty();
    }

    @Test
    void theLastPageHasNoNextAndALimitOfOneStillVisitsEveryRow() {
        JsonNode page = Http.json(lender.get("/api/v1/applications?limit=30"));
        assertThat(page.get("items")).hasSize(30);
        assertThat(page.has("next")).isFalse();
        assertThat(ids(pages(lender, "limit=1"))).isEqualTo(ids(all));
    }

    @Test
    void badParametersAnswer400NamingTheParameterAndWhatItMayBe() {
        assertInvalid("outcome=MAYBE", "outcome", "must be one of APPROVE, APPROVE_WITH_CONDITIONS, REFER, DECLINE; it was MAYBE");
        assertInvalid("reviewState=CLOSED", "reviewState",
                "must be one of OPEN, ASSIGNED, AWAITING_APPROVAL, DECIDED, NONE; it was CLOSED");
        assertInvalid("channel=FAX", "channel", "must be one of REST, FILE, QUEUE; it was FAX");
        assertInvalid("legalForm=LLP", "legalForm", "must be one of CIC, CIO, CHARITY, CBS, CLG, CLS, SOLE_TRADER, "
                + "PARTNERSHIP, UNINCORPORATED, OTHER; it was LLP");
        assertInvalid("receivedFrom=yesterday", "receivedFrom",
                "must be a date (2025-01-31) or an instant (2025-01-31T09:00:00Z); it was yesterday");
        assertInvalid("batch=42", "batch", "must be a batch id (a UUID); it was 42");
        assertInvalid("after=bm90IGEgY3Vyc29y", "after", "must be the next value of an earlier page, unchanged; it was bm90IGEgY3Vyc29y");
        assertInvalid("limit=501", "limit", "must be between 1 and 500; it was 501");
    }

    /** The filter's pages, read two rows at a time, are the whole list filtered here, in the same order. */
    private void assertFilter(String query, Predicate<JsonNode> expected, int count) {
        List<String> wanted = ids(all.stream().filter(expected).toList());
        List<String> found = ids(pages(lender, query + "&limit=2"));
        assertThat(found).as(query).isEqualTo(wanted);
        if (count >= 0) {
            assertThat(found).as(query).hasSize(count);
        }
    }

    /** Every page of a query, following next until a page has none. */
    private static List<JsonNode> pages(Http http, String query) {
        List<JsonNode> items = new ArrayList<>();
        String after = null;
        do {
            HttpResponse<String> response = http.get("/api/v1/applications?" + query
                    + (after == null ? "" : "&after=" + after));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode page = Http.json(response);
            page.get("items").forEach(items::add);
            after = page.has("next") ? page.get("next").asText() : null;
        } while (after != null);
        return items;
    }

    private void assertInvalid(String query, String parameter, String message) {
        HttpResponse<String> response = lender.get("/api/v1/applications?" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = Http.json(response);
        assertThat(problem.get("title").asText()).isEqualTo("Invalid request parameter");
        assertThat(problem.get("detail").asText()).isEqualTo("Request parameter " + parameter + " " + message + ".");
        assertThat(problem.get("errors")).singleElement()
                .satisfies(error -> assertThat(error.get("field").asText()).isEqualTo(parameter));
    }

    /** Every REFER opened a case; an officer decides one of them, through the real services. */
    private void decideOneReferral() {
        JsonNode referral = pages(lender, "").stream().filter(a -> a.get("outcome").asText().equals("REFER")).findFirst()
                .orElseThrow();
        Officer officer = officers.officer(lenderId);
        ReviewCase c = cases.ofApplication(UUID.fromString(referral.get("applicationId").asText())).orElseThrow();
        finalDecisions.record(officer, c.id(), c.version(), new Settlement(Outcome.DECLINE, List.of(),
                "Declined after a call with the applicant", "RISK_NOT_CAPTURED", List.of()));
    }

    private static String submit(Http http, String example) {
        HttpResponse<String> response = http.postJson("/api/v1/applications", Examples.json(example));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Http.json(response).get("applicationId").asText();
    }

    private static Instant received(JsonNode application) {
        return Instant.parse(application.get("receivedAt").asText());
    }

    private static List<String> ids(List<JsonNode> applications) {
        return applications.stream().map(a -> a.get("applicationId").asText()).toList();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}

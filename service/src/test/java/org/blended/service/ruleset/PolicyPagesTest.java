package org.blended.service.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.blended.service.Examples;
import org.blended.service.Http;
import org.blended.service.TestLenders;
import org.blended.service.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.test.context.ActiveProfiles;

/**
 * The policy pages as a signed-in policy owner's browser sends them (forms with their CSRF token):
 * publishing and rolling back are confirmed on a page that says what they will do and asks why, and
 * the reason is kept in the history; a failed validation is shown as a problem, and the what-if form stays.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"postgres", "test"})
class PolicyPagesTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

    @LocalServerPort
    int port;

    @Autowired
    TestLenders lenders;

    @Autowired
    JdbcUserDetailsManager people;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    ShippedVersion shipped;

    Http policy;
    Http browser;
    String owner;

    @BeforeEach
    void signIn() {
        policy = new Http(port, lenders.keyFor(Role.POLICY_OWNER));
        owner = "owner-" + UUID.randomUUID().toString().substring(0, 8);
        people.createUser(User.withUsername(owner).password(passwords.encode("a-long-enough-password"))
                .roles(Role.POLICY_OWNER.name()).build());
        browser = new Http(port);
        HttpResponse<String> signedIn = form("/login", "/login", Map.of("username", owner, "password", "a-long-enough-password"));
        assertThat(signedIn.uri().getPath()).as(signedIn.body()).isNotEqualTo("/login");
    }

    @AfterEach
    void restore() {
        shipped.restore();
    }

    @Test
    void publishingAndRollingBackAskForAReasonSayWhatTheyWillDoAndTheHistoryKeepsTheReason() {
        int shippedVersion = shipped.version();
        TestLenders.TestLender lender = lenders.newLender();
        Http api = new Http(port, lender.apiKey());
        for (String example : Examples.expectedOutcomes().keySet()) {
            assertThat(api.postJson("/api/v1/applications", Examples.json(example)).statusCode()).isEqualTo(201);
        }
        String table = policy.get("/api/v1/rule-sets/active/files/" + RuleSetEdits.RESERVES_TABLE).body();
        int draft = Http.json(policy.upload("/api/v1/rule-sets", Map.of(RuleSetEdits.RESERVES_TABLE,
                RuleSetEdits.higherMinimumReserves(table).getBytes(StandardCharsets.UTF_8)), Map.of())).get("version").asInt();
        assertThat(Http.json(policy.post("/api/v1/rule-sets/" + draft + "/validation", "application/json", ""))
                .get("valid").asBoolean()).isTrue();
        String confirm = "/policy/rule-sets/" + draft + "/publication";

        HttpResponse<String> before = browser.get(confirm);
        assertThat(before.statusCode()).isEqualTo(200);
        assertThat(text(before)).contains("Publish version " + draft + "?")
                .contains("replacing version " + shippedVersion)
                .contains("No what-if has been run for this version: run one first to see the effect.");
        assertThat(before.body()).contains("id=\"reason\"").contains("id=\"confirm-publish\"");

        // What the latest finished what-if says is on the page that asks to confirm
        String run = Http.json(policy.postJson("/api/v1/rule-sets/" + draft + "/what-if", "{\"lender\": \"" + lender.code() + "\"}"))
                .get("id").asText();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> Http.json(policy.get("/api/v1/what-if/" + run)).get("status").asText(), "FINISHED"::equals);
        assertThat(text(browser.get(confirm))).contains("4 stored decisions of 15 would change")
                .contains("over some of the stored applications only");

        HttpResponse<String> noReason = form(confirm, confirm, Map.of("reason", "  "));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("govuk-error-summary").contains("href=\"#reason\"");
        assertThat(text(noReason)).contains("Enter why you are publishing this version");
        assertThat(Http.json(policy.get("/api/v1/rule-sets/" + draft)).get("state").asText()).isEqualTo("DRAFT");

        String reason = "Reserves under six weeks rate amber, as agreed by the credit committee";
        HttpResponse<String> published = form(confirm, confirm, Map.of("reason", reason));
        assertThat(published.statusCode()).isEqualTo(200);
        assertThat(published.uri().getPath()).isEqualTo("/policy/rule-sets/" + draft);
        assertThat(published.body()).contains("govuk-notification-banner--success").doesNotContain("govuk-error-summary");
        assertThat(text(published)).contains("Published: new applications are now assessed with version " + draft)
                .contains(reason);
        assertThat(history(draft, "PUBLISHED")).containsExactly(reason);

        String rollBack = "/policy/rule-sets/" + shippedVersion + "/rollback";
        assertThat(text(browser.get(rollBack))).contains("Roll back to version " + shippedVersion + "?")
                .contains("replacing version " + draft);
        HttpResponse<String> noRollBackReason = form(rollBack, rollBack, Map.of());
        assertThat(noRollBackReason.statusCode()).isEqualTo(400);
        assertThat(text(noRollBackReason)).contains("Enter why you are rolling back to this version");
        HttpResponse<String> rolledBack = form(rollBack, rollBack, Map.of("reason", "The committee wants another look"));
        assertThat(text(rolledBack)).contains("Rolled back: new applications are again assessed with version " + shippedVersion);
        assertThat(history(shippedVersion, "ROLLED_BACK")).contains("The committee wants another look");
    }

    @Test
    void aFailedValidationIsAProblemNotASuccessAndTheWhatIfFormStaysForADraftNotValidated() {
        String table = policy.get("/api/v1/rule-sets/active/files/" + RuleSetEdits.COVER_TABLE).body();
        int draft = Http.json(policy.upload("/api/v1/rule-sets", Map.of(RuleSetEdits.COVER_TABLE,
                RuleSetEdits.higherCoverThreshold(table).getBytes(StandardCharsets.UTF_8)), Map.of())).get("version").asInt();
        String page = "/policy/rule-sets/" + draft;
        assertThat(browser.get(page).body()).contains("id=\"what-if\"").doesNotContain("id=\"publish\"");

        HttpResponse<String> validated = form(page, page + "/validation", Map.of());
        assertThat(validated.uri().getPath()).isEqualTo(page);
        assertThat(validated.body()).contains("govuk-error-summary").doesNotContain("govuk-notification-banner--success")
                .contains("href=\"#scenarios\"")
                .contains("id=\"what-if\"").contains("id=\"run-what-if\"").doesNotContain("id=\"publish\"");
        assertThat(text(validated)).contains("Validation failed.").contains("Test Scenarios failed")
                .contains("Debt service cover");

        // Not validated, or failed: it compiles, so a what-if shows what it would do, and says it is not validated
        HttpResponse<String> whatIf = form(page, page + "/what-if", Map.of());
        assertThat(whatIf.uri().getPath()).as(text(whatIf)).startsWith("/policy/what-if/");
        assertThat(text(whatIf)).contains("Not validated: version " + draft + " failed its validation");
        assertThat(whatIf.body()).contains("id=\"what-if-state\"");
        String run = whatIf.uri().getPath().substring("/policy/what-if/".length());
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(300))
                .until(() -> Http.json(browser.get("/policy/what-if/" + run + "/progress")).get("status").asText(),
                        s -> !"RUNNING".equals(s));
        HttpResponse<String> finished = browser.get("/policy/what-if/" + run);
        assertThat(text(finished)).contains("The what-if has finished");
        assertThat(finished.body()).contains("id=\"outcomes-chart\"").contains("id=\"approval-rate-chart\"")
                .contains("id=\"what-if-csv\"").contains("id=\"what-if-data\"");
    }

    @Test
    void aCompileProblemNamesTheTableItsRowAndTheCellInWords() {
        String table = policy.get("/api/v1/rule-sets/active/files/" + RuleSetEdits.COVER_TABLE).body();
        // A number, so the upload takes it; but too large for the points, an int: the compiler refuses it
        String broken = table.replaceFirst("(F1-AMBER,(?:[^,]*,){0,2})1,AMBER,", "$199999999999,AMBER,");
        assertThat(broken).as("the amber row's points").contains("99999999999,AMBER,");
        int draft = Http.json(policy.upload("/api/v1/rule-sets", Map.of(RuleSetEdits.COVER_TABLE,
                broken.getBytes(StandardCharsets.UTF_8)), Map.of())).get("version").asInt();
        String page = "/policy/rule-sets/" + draft;

        HttpResponse<String> validated = form(page, page + "/validation", Map.of());
        assertThat(validated.body()).contains("govuk-error-summary").contains("href=\"#problem-1\"").contains("id=\"problem-1\"")
                .contains("id=\"what-if\"");
        assertThat(text(validated)).contains("Table F1 Debt service cover, row 2 (spreadsheet row 11)").contains("99999999999");
    }

    /** The details of a version's history events of one kind, newest last. */
    private List<String> history(int version, String action) {
        JsonNode history = Http.json(policy.get("/api/v1/rule-sets/" + version)).get("history");
        return history.findParents("action").stream().filter(e -> e.get("action").asText().equals(action))
                .map(e -> e.hasNonNull("detail") ? e.get("detail").asText() : "").toList();
    }

    /** Sends a form of the page at {@code from} to {@code to}, with the page's CSRF token, as a browser would. */
    private HttpResponse<String> form(String from, String to, Map<String, String> fields) {
        HttpResponse<String> page = browser.send(browser.request(from).header("Accept", "text/html").GET());
        Matcher token = CSRF.matcher(page.body());
        assertThat(token.find()).as(page.body()).isTrue();
        StringBuilder body = new StringBuilder("_csrf=").append(URLEncoder.encode(
                token.group(1) != null ? token.group(1) : token.group(2), StandardCharsets.UTF_8));
        fields.forEach((name, value) -> body.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return browser.send(browser.request(to).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** The page's text as read: tags dropped, entities and white space as a browser shows them. */
    private static String text(HttpResponse<String> page) {
        return page.body().replaceAll("(?s)<script.*?</script>", " ").replaceAll("</?(a|span|strong)\\b[^>]*>", "")
                .replaceAll("<[^>]+>", " ")
                .replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
                .replaceAll("\\s+", " ");
    }
}

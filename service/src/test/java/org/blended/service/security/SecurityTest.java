package org.blended.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.blended.service.Examples;
import org.blended.service.Http;
import org.blended.service.TestLenders;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"postgres", "test"})
class SecurityTest {

    @LocalServerPort
    int port;

    @Autowired
    TestLenders lenders;

    @Autowired
    JdbcUserDetailsManager people;

    @Autowired
    PasswordEncoder passwords;

    Http anonymous;
    Http lenderA;
    Http lenderB;
    Http admin;
    Http policyOwner;
    Http ruleAuthor;
    String applicationOfA;
    String rejectionOfA;
    String batchOfA;

    record Endpoint(String method, String path, String body) {
    }

    @BeforeEach
    void callers() {
        anonymous = new Http(port);
        lenderA = new Http(port, lenders.newLender().apiKey());
        lenderB = new Http(port, lenders.newLender().apiKey());
        admin = new Http(port, lenders.keyFor(Role.ADMIN));
        policyOwner = new Http(port, lenders.keyFor(Role.POLICY_OWNER));
        ruleAuthor = new Http(port, lenders.keyFor(Role.RULE_AUTHOR));
        String example = Examples.expectedOutcomes().keySet().iterator().next();
        applicationOfA = Http.json(lenderA.postJson("/api/v1/applications", Examples.json(example)))
                .get("applicationId").asText();
        rejectionOfA = Http.json(lenderA.postJson("/api/v1/applications", "{}")).get("rejectionId").asText();
        batchOfA = Http.json(lenderA.postJson("/api/v1/batches", "[]")).get("id").asText();
    }

    List<Endpoint> lenderEndpoints() {
        return List.of(
                new Endpoint("POST", "/api/v1/applications", Examples.json(Examples.expectedOutcomes().keySet().iterator().next())),
                new Endpoint("GET", "/api/v1/applications/" + applicationOfA, null),
                new Endpoint("GET", "/api/v1/applications/" + applicationOfA + "/decision", null),
                new Endpoint("GET", "/api/v1/rejections", null),
                new Endpoint("GET", "/api/v1/measure-values", null),
                new Endpoint("PUT", "/api/v1/measure-values", "{\"values\": []}"),
                new Endpoint("GET", "/api/v1/rejections/" + rejectionOfA, null),
                new Endpoint("POST", "/api/v1/batches", "[]"),
                new Endpoint("GET", "/api/v1/batches", null),
                new Endpoint("GET", "/api/v1/batches/" + batchOfA, null),
                new Endpoint("POST", "/api/v1/applications/" + applicationOfA + "/replay", null));
    }

    List<Endpoint> policyOwnerEndpoints() {
        return List.of(
                new Endpoint("GET", "/api/v1/rule-sets", null),
                new Endpoint("GET", "/api/v1/rule-sets/active", null),
                new Endpoint("GET", "/api/v1/rule-sets/active/files/reserves.drl.csv", null),
                new Endpoint("GET", "/api/v1/rule-sets/active/bundle", null),
                new Endpoint("POST", "/api/v1/rule-sets/999999/publication", "{\"reason\": \"a test\"}"),
                new Endpoint("POST", "/api/v1/rule-sets/999999/what-if", "{}"),
                new Endpoint("GET", "/api/v1/what-if/" + UUID.randomUUID(), null));
    }

    List<Endpoint> adminEndpoints() {
        return List.of(
                new Endpoint("GET", "/api/v1/admin/lenders", null),
                new Endpoint("POST", "/api/v1/admin/lenders", "{\"code\": \"x-" + UUID.randomUUID().toString().substring(0, 8) + "\", \"name\": \"X\"}"),
                new Endpoint("GET", "/api/v1/admin/api-keys", null),
                new Endpoint("POST", "/api/v1/admin/api-keys", "{\"name\": \"k\", \"role\": \"ADMIN\"}"),
                new Endpoint("DELETE", "/api/v1/admin/api-keys/" + UUID.randomUUID(), null),
                new Endpoint("POST", "/api/v1/admin/people", "{\"username\": \"p-" + UUID.randomUUID().toString().substring(0, 8) + "\", \"password\": \"a-long-enough-password\", \"role\": \"POLICY_OWNER\"}"),
                new Endpoint("GET", "/api/v1/audit/verify", null));
    }

    @Test
    void noOneUnknownMayMakeTheServiceHoldALargeBody() {
        String large = "x".repeat(1024 * 1024);
        for (Http caller : List.of(anonymous, anonymous.as("not-a-key-" + UUID.randomUUID()))) {
            HttpResponse<String> refused = caller.post("/api/v1/batches", "text/csv", large);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(413);
            assertThat(refused.body()).contains("Without a valid X-API-Key");
        }
        HttpResponse<String> known = lenderA.post("/api/v1/batches", "text/csv", "lenderReference\n" + large);
        assertThat(known.statusCode()).as("a lender's large batch is received (and refused for what it holds, not its size)")
                .isNotEqualTo(413);
    }

    @Test
    void everyEndpointButHealthAnswers401WithoutCredentials() {
        for (Endpoint e : concat(concat(lenderEndpoints(), adminEndpoints()), policyOwnerEndpoints())) {
            HttpResponse<String> response = call(anonymous, e);
            assertThat(response.statusCode()).as(e.toString()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).as(e.toString()).hasValue("application/problem+json");
        }
        for (String path : List.of("/v3/api-docs", "/actuator/prometheus", "/actuator/info", "/actuator/metrics", "/swagger-ui.html")) {
            assertThat(anonymous.get(path).statusCode()).as(path).isEqualTo(401);
        }
        assertThat(anonymous.get("/actuator/health").statusCode()).isEqualTo(200);
    }

    @Test
    void aWrongOrRevokedKeyAnswers401() {
        assertThat(new Http(port, "bk_not-a-key").get("/api/v1/rejections").statusCode()).isEqualTo(401);

        TestLenders.TestLender lender = lenders.newLender();
        Http revokable = new Http(port, lender.apiKey());
        assertThat(revokable.get("/api/v1/rejections").statusCode()).isEqualTo(200);
        String keyId = Http.json(admin.get("/api/v1/admin/api-keys")).findParents("lenderId").stream()
                .filter(k -> k.get("lenderId").asText().equals(lender.id().toString())).findFirst().orElseThrow()
                .get("id").asText();
        assertThat(admin.delete("/api/v1/admin/api-keys/" + keyId).statusCode()).isEqualTo(200);
        assertThat(revokable.get("/api/v1/rejections").statusCode()).isEqualTo(401);
    }

    @Test
    void theWrongRoleAnswers403() {
        for (Endpoint e : lenderEndpoints()) {
            assertThat(call(admin, e).statusCode()).as("admin " + e).isEqualTo(403);
            assertThat(call(policyOwner, e).statusCode()).as("policy owner " + e).isEqualTo(403);
            assertThat(call(ruleAuthor, e).statusCode()).as("rule author " + e).isEqualTo(403);
        }
        for (Endpoint e : adminEndpoints()) {
            assertThat(call(lenderA, e).statusCode()).as("lender " + e).isEqualTo(403);
            assertThat(call(policyOwner, e).statusCode()).as("policy owner " + e).isEqualTo(403);
            assertThat(call(ruleAuthor, e).statusCode()).as("rule author " + e).isEqualTo(403);
        }
        for (Endpoint e : policyOwnerEndpoints()) {
            assertThat(call(lenderA, e).statusCode()).as("lender " + e).isEqualTo(403);
            assertThat(call(admin, e).statusCode()).as("admin " + e).isEqualTo(403);
            assertThat(call(policyOwner, e).statusCode()).as("policy owner " + e).isIn(200, 404);
            assertThat(call(ruleAuthor, e).statusCode()).as("a rule author is a policy owner too: " + e).isIn(200, 404);
        }
    }

    @Test
    void anAdminGrantsTheRuleAuthorRoleToKeysAndPeopleAndItOpensThePolicyPages() {
        HttpResponse<String> issued = admin.postJson("/api/v1/admin/api-keys", "{\"name\": \"rules\", \"role\": \"RULE_AUTHOR\"}");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        Http author = new Http(port, Http.json(issued).get("key").asText());
        assertThat(author.get("/api/v1/rule-sets").statusCode()).isEqualTo(200);
        assertThat(author.get("/api/v1/admin/lenders").statusCode()).isEqualTo(403);
        assertThat(author.send(author.request("/policy").header("Accept", "text/html").GET()).statusCode()).isEqualTo(200);
        assertThat(lenderA.send(lenderA.request("/policy").header("Accept", "text/html").GET()).statusCode()).isEqualTo(403);

        String username = "author-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(admin.postJson("/api/v1/admin/people", "{\"username\": \"" + username
                + "\", \"password\": \"a-long-enough-password\", \"role\": \"RULE_AUTHOR\"}").statusCode()).isEqualTo(201);
        assertThat(people.loadUserByUsername(username).getAuthorities()).extracting(Object::toString)
                .containsExactly(Role.RULE_AUTHOR.authority());
    }

    @Test
    void anotherLendersDataAnswers404AndListsAreFiltered() {
        for (Endpoint e : lenderEndpoints().subList(1, 3)) { // the application and its decision
            HttpResponse<String> response = call(lenderB, e);
            assertThat(response.statusCode()).as(e.toString()).isEqualTo(404);
            assertThat(response.body()).doesNotContain("lenderReference");
        }
        assertThat(call(lenderB, lenderEndpoints().get(6)).statusCode()).isEqualTo(404); // the rejection
        assertThat(call(lenderB, lenderEndpoints().get(lenderEndpoints().size() - 1)).statusCode()).as("replay").isEqualTo(404);
        assertThat(lenderB.get("/api/v1/rejections").body()).doesNotContain(rejectionOfA);
        assertThat(call(lenderB, lenderEndpoints().get(9)).statusCode()).isEqualTo(404); // the batch
        assertThat(lenderB.get("/api/v1/batches").body()).doesNotContain(batchOfA);
        assertThat(lenderA.get("/api/v1/batches").body()).contains(batchOfA);
        assertThat(lenderA.get("/api/v1/rejections").body()).contains(rejectionOfA);
        assertThat(lenderA.get("/api/v1/applications/" + applicationOfA).statusCode()).isEqualTo(200);
    }

    @Test
    void anAdminIssuesAKeyThatWorksOnceShownAndIsStoredOnlyAsAHash() {
        String code = "fund-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(admin.postJson("/api/v1/admin/lenders", "{\"code\": \"" + code + "\", \"name\": \"Fund\"}").statusCode()).isEqualTo(201);
        HttpResponse<String> issued = admin.postJson("/api/v1/admin/api-keys",
                "{\"name\": \"fund system\", \"role\": \"LENDER\", \"lenderCode\": \"" + code + "\"}");

        assertThat(issued.statusCode()).isEqualTo(201);
        String key = Http.json(issued).get("key").asText();
        assertThat(key).startsWith("bk_").hasSizeGreaterThan(40);
        assertThat(new Http(port, key).get("/api/v1/rejections").statusCode()).isEqualTo(200);
        assertThat(admin.get("/api/v1/admin/api-keys").body()).doesNotContain(key);
        assertThat(admin.postJson("/api/v1/admin/api-keys", "{\"name\": \"x\", \"role\": \"LENDER\"}").statusCode()).isEqualTo(400);
        assertThat(admin.postJson("/api/v1/admin/lenders", "{\"code\": \"" + code + "\", \"name\": \"Again\"}").statusCode()).isEqualTo(409);
    }

    @Test
    void oversizedBodiesAnswer413WhetherDeclaredOrChunked() {
        String huge = "{\"lenderReference\": \"" + "x".repeat(300_000) + "\"}";

        HttpResponse<String> declared = lenderA.postJson("/api/v1/applications", huge);
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        HttpResponse<String> chunked = lenderA.send(lenderA.request("/api/v1/applications")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge.getBytes()))));
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.body()).doesNotContain("Exception");
    }

    @Test
    void aPersonSignsInToThePagesWithCsrfProtectionAndStrictHeaders() {
        String username = "owner-" + UUID.randomUUID().toString().substring(0, 8);
        people.createUser(User.withUsername(username).password(passwords.encode("a-long-enough-password"))
                .roles(Role.POLICY_OWNER.name()).build());
        Http browser = new Http(port);

        HttpResponse<String> loginPage = browser.send(browser.request("/login").header("Accept", "text/html").GET());
        assertThat(loginPage.statusCode()).isEqualTo(200);
        assertThat(loginPage.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(loginPage.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(loginPage.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("default-src 'self'").contains("frame-ancestors 'none'"));
        Matcher token = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"").matcher(loginPage.body());
        assertThat(token.find()).as("the login form carries a CSRF token").isTrue();

        assertThat(browser.post("/login", "application/x-www-form-urlencoded",
                "username=" + username + "&password=a-long-enough-password").statusCode()).as("no CSRF token").isEqualTo(403);
        HttpResponse<String> signedIn = browser.post("/login", "application/x-www-form-urlencoded",
                "username=" + username + "&password=a-long-enough-password&_csrf=" + token.group(1));
        assertThat(signedIn.statusCode()).isIn(200, 404); // redirected to the start page
        assertThat(signedIn.previousResponse().orElseThrow().headers().allValues("Set-Cookie"))
                .as("a new session for the person signed in").anySatisfy(cookie -> assertThat(cookie)
                        .startsWith("JSESSIONID=").contains("SameSite=Lax").contains("HttpOnly"));
        JsonNode api = Http.json(browser.get("/v3/api-docs"));
        assertThat(api.get("openapi").asText()).startsWith("3.");
    }

    @Test
    void metricsAndBuildInfoAreForAdminsOnlyAndHealthForAnyone() {
        for (String path : List.of("/actuator/prometheus", "/actuator/info", "/actuator/metrics", "/actuator")) {
            HttpResponse<String> lender = lenderA.get(path);
            assertThat(lender.statusCode()).as("lender " + path).isEqualTo(403);
            assertThat(lender.headers().firstValue("Content-Type")).as(path).hasValue("application/problem+json");
            assertThat(policyOwner.get(path).statusCode()).as("policy owner " + path).isEqualTo(403);
            assertThat(admin.get(path).statusCode()).as("admin " + path).isEqualTo(200);
        }
        assertThat(admin.get("/actuator/prometheus").body()).contains("jvm_memory_used_bytes");
        assertThat(anonymous.get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(lenderA.get("/actuator/health").statusCode()).isEqualTo(200);
    }

    @Test
    void anApplicantsLinkOpensTheirOwnAssessmentOnlyAndReadOnly() {
        String example = Examples.expectedOutcomes().keySet().iterator().next();
        JsonNode created = Http.json(lenderA.postJson("/api/v1/applications", Examples.json(example)));
        String link = created.get("assessmentLink").asText();
        assertThat(link).startsWith("/assessment/").hasSizeGreaterThan("/assessment/".length() + 40);

        HttpResponse<String> page = anonymous.send(anonymous.request(link).header("Accept", "text/html").GET());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains(created.at("/application/applicant/legalName").asText().replace("'", "&#39;"))
                .doesNotContain("F1-").doesNotContain("lenderReference");
        assertThat(anonymous.get("/assessment/" + "A".repeat(43)).statusCode()).isEqualTo(404);
        assertThat(anonymous.post(link, "application/x-www-form-urlencoded", "outcome=APPROVE").statusCode()).isEqualTo(403);
    }

    private static HttpResponse<String> call(Http http, Endpoint e) {
        HttpRequest.Builder request = http.request(e.path());
        if (e.body() != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.method(e.method(), e.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(e.body())));
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}

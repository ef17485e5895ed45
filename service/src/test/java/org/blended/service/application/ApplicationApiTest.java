package org.blended.service.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.blended.service.decision.StoredApplicationRepository;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.blended.service.Examples;
import org.blended.service.Http;
import org.blended.service.TestLenders;
import org.blended.service.intake.RejectionRepository;
import org.blended.service.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability // Spring Boot tests switch metrics export off unless asked
@ActiveProfiles({"postgres", "test"})
class ApplicationApiTest {

    @LocalServerPort
    int port;

    @Autowired
    StoredApplicationRepository applications;

    @Autowired
    RejectionRepository rejections;

    @Autowired
    TestLenders lenders;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port, lenders.newLender().apiKey());
    }

    @TestFactory
    List<DynamicTest> everyExampleGetsItsExpectedOutcomeWithReasons() {
        List<DynamicTest> tests = new ArrayList<>();
        Examples.expectedOutcomes().forEach((file, expected) -> tests.add(DynamicTest.dynamicTest(file, () -> {
            HttpResponse<String> created = http.postJson("/api/v1/applications", Examples.json(file));

            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            JsonNode body = Http.json(created);
            String id = body.get("applicationId").asText();
            assertThat(created.headers().firstValue("Location")).hasValueSatisfying(
                    location -> assertThat(location).endsWith("/api/v1/applications/" + id));
            assertThat(body.at("/decision/outcome").asText()).as(file).isEqualTo(expected);

            JsonNode decision = Http.json(http.get("/api/v1/applications/" + id + "/decision"));
            assertThat(decision.get("outcome").asText()).isEqualTo(expected);
            assertThat(decision.get("ruleSetVersion").asText()).startsWith("blended-rules-");
            assertThat(decision.get("scores").size()).isPositive();
            assertThat(decision.get("reasons").size()).isPositive();
            for (JsonNode reason : decision.get("reasons")) {
                for (String field : List.of("code", "criterion", "theme", "effect", "text")) {
                    assertThat(reason.path(field).asText()).as(file + " reason " + reason + " " + field).isNotBlank();
                }
            }
        })));
        assertThat(tests).hasSizeGreaterThanOrEqualTo(4);
        return tests;
    }

    @Test
    void anApplicationIsServedBackWithItsInputsAndDecision() {
        String reference = "API-" + UUID.randomUUID();
        String file = Examples.expectedOutcomes().keySet().iterator().next();
        String id = Http.json(http.postJson("/api/v1/applications", Examples.withReference(file, reference)))
                .get("applicationId").asText();

        HttpResponse<String> response = http.get("/api/v1/applications/" + id);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = Http.json(response);
        assertThat(body.get("lenderReference").asText()).isEqualTo(reference);
        assertThat(body.get("channel").asText()).isEqualTo("REST");
        assertThat(body.get("assessmentLink").asText()).startsWith("/assessment/");
        assertThat(body.at("/application/lenderReference").asText()).isEqualTo(reference);
        assertThat(body.at("/application/applicant/legalName").asText()).isNotBlank();
        assertThat(body.at("/decision/outcome").asText()).isEqualTo(Examples.expectedOutcomes().get(file));
        assertThat(applications.countByLenderReference(reference)).isEqualTo(1);
    }

    @Test
    void badInputAnswers400WithEveryOffendingFieldAndStoresNothingButTheRejection() {
        String reference = "BAD-" + UUID.randomUUID();
        String file = Examples.expectedOutcomes().keySet().iterator().next();
        String json = Examples.withReference(file, reference)
                .replaceFirst("\"legalForm\"\\s*:\\s*\"[A-Z_]+\"", "\"legalForm\": \"LIMITED_COMPANY\"")
                .replaceFirst("\"amount\"\\s*:\\s*[0-9.]+", "\"amount\": -60000");

        HttpResponse<String> response = http.postJson("/api/v1/applications", json);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = Http.json(response);
        assertThat(problem.get("title").asText()).isEqualTo("Invalid application");
        assertThat(problem.get("errors")).extracting(e -> e.get("field").asText())
                .containsExactly("applicant.legalForm", "request.amount");
        assertThat(problem.toString()).doesNotContain("Exception").doesNotContain("at org.");
        assertThat(applications.countByLenderReference(reference)).isZero();
        UUID rejectionId = UUID.fromString(problem.get("rejectionId").asText());
        assertThat(http.get("/api/v1/rejections").body()).contains(rejectionId.toString());
        assertThat(rejections.findById(rejectionId)).hasValueSatisfying(rejection -> {
            assertThat(rejection.getReason()).contains("applicant.legalForm").contains("request.amount");
            assertThat(rejection.getPayload()).contains(reference);
        });
    }

    @Test
    void aLendersOwnMeasureValuesApplyToItsApplicationsOnly() {
        String table = "{\"values\": [{\"measure\": \"PRIORITY_GROUP_HIRES\", \"gbpPerUnit\": 10000, "
                + "\"source\": \"Lender's licensed value set (test)\", \"licence\": \"Licensed to the lender\"}]}";
        HttpResponse<String> put = http.send(http.request("/api/v1/measure-values").header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(table)));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(http.get("/api/v1/measure-values").body()).contains("PRIORITY_GROUP_HIRES");

        JsonNode own = Http.json(http.postJson("/api/v1/applications", Examples.json("bakery-cic.json"))).get("decision");
        JsonNode other = Http.json(new Http(port, lenders.newLender().apiKey())
                .postJson("/api/v1/applications", Examples.json("bakery-cic.json"))).get("decision");

        // 2 FTE x (1 - 25%) x (1 - 25%) x 50% self-reported = 0.56 net, at the lender's GBP 10,000
        assertThat(own.get("socialValueGbp").decimalValue()).isEqualByComparingTo("5600");
        assertThat(own.get("reasons").toString()).contains("SV-PRIORITY_GROUP_HIRES").contains("Lender's licensed value set (test)");
        assertThat(other.has("socialValueGbp")).isFalse();
        assertThat(other.get("reasons").toString()).contains("SV-COUNTED-PRIORITY_GROUP_HIRES").doesNotContain("licensed value set");

        HttpResponse<String> negative = http.send(http.request("/api/v1/measure-values").header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(table.replace("10000", "-1"))));
        assertThat(negative.statusCode()).isEqualTo(400);
        assertThat(negative.body()).contains("values[0].gbpPerUnit");
    }

    @Test
    void malformedJsonAnswers400() {
        HttpResponse<String> response = http.postJson("/api/v1/applications", "{\"lenderReference\": ");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Http.json(response).at("/errors/0/message").asText()).startsWith("is not valid JSON");
    }

    @Test
    void aBodyThatIsNotJsonAnswers415() {
        HttpResponse<String> response = http.post("/api/v1/applications", "text/plain", "hello");

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void anUnknownApplicationAnswers404() {
        HttpResponse<String> response = http.get("/api/v1/applications/" + UUID.randomUUID() + "/decision");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(Http.json(response).get("title").asText()).isEqualTo("Application not found");
        assertThat(http.get("/api/v1/applications/not-a-uuid").statusCode()).isEqualTo(400);
    }

    @Test
    void theApiIsDescribedAndBrowsable() {
        JsonNode api = Http.json(http.get("/v3/api-docs"));

        assertThat(api.at("/paths/~1api~1v1~1applications/post/requestBody/content/application~1json/schema/$ref").asText())
                .endsWith("/Application");
        assertThat(api.at("/paths/~1api~1v1~1applications/post/responses/400/content").has("application/problem+json")).isTrue();
        assertThat(api.at("/paths/~1api~1v1~1applications~1{id}~1decision/get").isMissingNode()).isFalse();
        assertThat(http.get("/swagger-ui.html").body()).contains("swagger-ui");
    }

    @Test
    void healthAndMetricsAreExposed() {
        String file = Examples.expectedOutcomes().keySet().iterator().next();
        http.postJson("/api/v1/applications", Examples.withReference(file, "M-" + UUID.randomUUID()));

        // Camel's consumers report ready once they have polled: a context just started may need a moment.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).pollInterval(java.time.Duration.ofMillis(200))
                .until(() -> Http.json(http.get("/actuator/health")).get("status").asText(), "UP"::equals);
        Http admin = http.as(lenders.keyFor(Role.ADMIN)); // platform-wide figures are for admins only
        String prometheus = admin.get("/actuator/prometheus").body();
        assertThat(prometheus).containsPattern("blended_applications_total\\{channel=\"REST\",outcome=\"[A-Z_]+\"");
        assertThat(prometheus).contains("blended_evaluation_seconds_count");
        assertThat(Http.json(admin.get("/actuator/info")).toString()).contains("Blended");
    }
}

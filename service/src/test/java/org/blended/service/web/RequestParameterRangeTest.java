package org.blended.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import org.blended.service.Http;
import org.blended.service.TestLenders;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Paging parameters out of range answer 400 naming the parameter and its range, never 500. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"postgres", "test"})
class RequestParameterRangeTest {

    @LocalServerPort
    int port;

    @Autowired
    TestLenders lenders;

    Http lender;

    @BeforeEach
    void aLender() {
        lender = new Http(port, lenders.newLender().apiKey());
    }

    @Test
    void rejectionsPageAndSizeOutOfRangeAnswer400() {
        assertInvalid(lender.get("/api/v1/rejections?size=0"), "size", "must be between 1 and 500; it was 0");
        assertInvalid(lender.get("/api/v1/rejections?size=501"), "size", "must be between 1 and 500; it was 501");
        assertInvalid(lender.get("/api/v1/rejections?page=-1"), "page", "must be at least 0; it was -1");
        assertInvalid(lender.get("/api/v1/rejections?page=-1&size=501&batch=" + java.util.UUID.randomUUID()), null, null);
        assertThat(lender.get("/api/v1/rejections?page=0&size=500").statusCode()).isEqualTo(200);
    }

    @Test
    void batchesSizeOutOfRangeAnswers400() {
        assertInvalid(lender.get("/api/v1/batches?size=0"), "size", "must be between 1 and 500; it was 0");
        assertInvalid(lender.get("/api/v1/batches?size=100000"), "size", "must be between 1 and 500; it was 100000");
        assertThat(lender.get("/api/v1/batches?size=1").statusCode()).isEqualTo(200);
    }

    @Test
    void aSizeThatIsNotANumberAnswers400() {
        HttpResponse<String> response = lender.get("/api/v1/batches?size=many");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Http.json(response).get("detail").asText()).contains("size");
    }

    /** 400 problem+json; with a name, that parameter alone is invalid for the reason given. */
    private static void assertInvalid(HttpResponse<String> response, String parameter, String message) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = Http.json(response);
        assertThat(problem.get("title").asText()).isEqualTo("Invalid request parameter");
        if (parameter == null) {
            assertThat(problem.get("detail").asText()).isEqualTo("2 request parameters are invalid; see errors.");
            assertThat(problem.get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("page", "size");
            return;
        }
        assertThat(problem.get("detail").asText()).isEqualTo("Request parameter " + parameter + " " + message + ".");
        assertThat(problem.get("errors")).singleElement().satisfies(error -> {
            assertThat(error.get("field").asText()).isEqualTo(parameter);
            assertThat(error.get("message").asText()).isEqualTo(message);
        });
    }
}

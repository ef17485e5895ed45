package org.blended.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.blended.service.Http;
import org.blended.service.TestLenders;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "blended.security.requests-per-minute=5")
@ActiveProfiles({"postgres", "test"})
class RateLimitTest {

    @LocalServerPort
    int port;

    @Autowired
    TestLenders lenders;

    @Test
    void aKeyOverItsAllowanceGets429WithRetryAfterWhileOtherKeysGoOn() {
        Http greedy = new Http(port, lenders.newLender().apiKey());
        for (int i = 0; i < 5; i++) {
            assertThat(greedy.get("/api/v1/rejections").statusCode()).isEqualTo(200);
        }

        HttpResponse<String> limited = greedy.get("/api/v1/rejections");

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(limited.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(new Http(port, lenders.newLender().apiKey()).get("/api/v1/rejections").statusCode()).isEqualTo(200);
    }
}

package org.blended.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The zero-setup default: an embedded H2 file database that keeps decisions across a restart. */
class EmbeddedDefaultSmokeTest {

    @TempDir
    Path workingDirectory;

    @Test
    void decisionsSurviveARestart() {
        Map<String, Object> properties = Map.of(
                "spring.datasource.url", "jdbc:h2:file:" + workingDirectory.resolve("blended")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "server.port", "0",
                "blended.intake.file.directory", workingDirectory.resolve("intake").toString(),
                "blended.intake.batch.spool-directory", workingDirectory.resolve("batches").toString());
        String file = Examples.expectedOutcomes().keySet().iterator().next();

        String id;
        try (ConfigurableApplicationContext first = start(properties)) {
            Http http = new Http(port(first), "demo-lender-key");
            assertThat(http.as("demo-admin-key").get("/actuator/health").body()).contains("\"status\":\"UP\"");
            JsonNode created = Http.json(http.postJson("/api/v1/applications", Examples.json(file)));
            id = created.get("applicationId").asText();
            assertThat(created.at("/decision/outcome").asText()).isEqualTo(Examples.expectedOutcomes().get(file));

            JsonNode batch = Batches.finished(http, http.post("/api/v1/batches", "text/csv", Batches.portfolioCsv()));
            assertThat(batch.get("status").asText()).isEqualTo("COMPLETED");
            assertThat(batch.get("decided").asInt()).isEqualTo(Examples.expectedOutcomes().size());

            // The shipped rule base is version 1, and validates on H2 too (files stored as bytea).
            Http policy = http.as("demo-policy-owner-key");
            JsonNode active = Http.json(policy.get("/api/v1/rule-sets/active"));
            assertThat(active.get("version").asInt()).isEqualTo(1);
            assertThat(created.at("/decision/ruleSetVersion").asText()).isEqualTo(active.get("label").asText());
            JsonNode report = Http.json(policy.post("/api/v1/rule-sets/1/validation", "application/json", ""));
            assertThat(report.get("valid").asBoolean()).as(report.toString()).isTrue();
        }

        try (ConfigurableApplicationContext second = start(properties)) {
            JsonNode decision = Http.json(new Http(port(second), "demo-lender-key").get("/api/v1/applications/" + id + "/decision"));
            assertThat(decision.get("outcome").asText()).isEqualTo(Examples.expectedOutcomes().get(file));
            assertThat(decision.get("reasons").size()).isPositive();
            JsonNode replay = Http.json(new Http(port(second), "demo-lender-key").post("/api/v1/applications/" + id + "/replay",
                    "application/json", ""));
            assertThat(replay.get("identical").asBoolean()).as(replay.toString()).isTrue();
        }
    }

    private static ConfigurableApplicationContext start(Map<String, Object> properties) {
        // As arguments: they outrank application.yml, which names the default ./data database.
        return new SpringApplicationBuilder(BlendedApplication.class)
                .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}

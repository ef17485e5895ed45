package org.blended.service.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.blended.service.Examples;
import org.blended.service.Http;
import org.blended.service.TestLenders;
import org.blended.service.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"postgres", "test"})
class DecisionChainTest {

    @LocalServerPort
    int port;

    @Autowired
    TestLenders lenders;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theDatabaseRefusesToChangeOrDeleteADecision() {
        UUID applicationId = submitOne();

        assertThatThrownBy(() -> jdbc.update("update decision set outcome = 'APPROVE' where application_id = ?", applicationId))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("immutable");
        assertThatThrownBy(() -> jdbc.update("delete from decision_reason where decision_id in "
                + "(select id from decision where application_id = ?)", applicationId))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("immutable");
        assertThatThrownBy(() -> jdbc.update("update application set payload = '{}' where id = ?", applicationId))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("immutable");
    }

    @Test
    void tamperingWithADecisionRowIsDetectedAtItsLink() {
        Http admin = new Http(port, lenders.keyFor(Role.ADMIN));
        submitOne();
        UUID tampered = submitOne();
        submitOne();
        assertThat(Http.json(admin.get("/api/v1/audit/verify")).get("intact").asBoolean()).isTrue();
        String original = jdbc.queryForObject("select outcome from decision where application_id = ?", String.class, tampered);
        long sequence = jdbc.queryForObject("select sequence from decision where application_id = ?", Long.class, tampered);

        asSuperuserBypassingTriggers("update decision set outcome = '" + (original.equals("DECLINE") ? "APPROVE" : "DECLINE")
                + "' where application_id = '" + tampered + "'");
        try {
            JsonNode report = Http.json(admin.get("/api/v1/audit/verify"));

            assertThat(report.get("intact").asBoolean()).isFalse();
            assertThat(report.at("/firstBrokenLink/sequence").asLong()).isEqualTo(sequence);
            assertThat(report.at("/firstBrokenLink/applicationId").asText()).isEqualTo(tampered.toString());
            assertThat(report.at("/firstBrokenLink/problem").asText()).contains("no longer matches its hash");
            assertThat(report.get("decisionsChecked").asLong()).isEqualTo(sequence - 1);
        } finally {
            asSuperuserBypassingTriggers("update decision set outcome = '" + original + "' where application_id = '" + tampered + "'");
        }
        assertThat(Http.json(admin.get("/api/v1/audit/verify")).get("intact").asBoolean()).isTrue();
    }

    @Test
    void tamperingWithTheInputsOfADecisionIsDetectedToo() {
        Http admin = new Http(port, lenders.keyFor(Role.ADMIN));
        UUID tampered = submitOne();
        String payload = jdbc.queryForObject("select payload from application where id = ?", String.class, tampered);

        asSuperuserBypassingTriggers("update application set payload = replace(payload, '\"amount\":', '\"amount\":1') where id = '" + tampered + "'");
        try {
            JsonNode report = Http.json(admin.get("/api/v1/audit/verify"));
            assertThat(report.get("intact").asBoolean()).isFalse();
            assertThat(report.at("/firstBrokenLink/applicationId").asText()).isEqualTo(tampered.toString());
        } finally {
            jdbc.execute((ConnectionCallback<Object>) c -> {
                try (var s = c.prepareStatement("set session_replication_role = replica")) {
                    s.execute();
                }
                try (var s = c.prepareStatement("update application set payload = ? where id = ?")) {
                    s.setString(1, payload);
                    s.setObject(2, tampered);
                    s.executeUpdate();
                }
                try (var s = c.prepareStatement("set session_replication_role = origin")) {
                    s.execute();
                }
                return null;
            });
        }
        assertThat(Http.json(admin.get("/api/v1/audit/verify")).get("intact").asBoolean()).isTrue();
    }

    private UUID submitOne() {
        Http lender = new Http(port, lenders.newLender().apiKey());
        String example = Examples.expectedOutcomes().keySet().iterator().next();
        return UUID.fromString(Http.json(lender.postJson("/api/v1/applications", Examples.json(example)))
                .get("applicationId").asText());
    }

    /** What someone with direct superuser access could do: switch the triggers off for one session. */
    private void asSuperuserBypassingTriggers(String sql) {
        jdbc.execute((ConnectionCallback<Object>) c -> {
            try (var s = c.createStatement()) {
                s.execute("set session_replication_role = replica");
                s.executeUpdate(sql);
                s.execute("set session_replication_role = origin");
            }
            return null;
        });
    }
}

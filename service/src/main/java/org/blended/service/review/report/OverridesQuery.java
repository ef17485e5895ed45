package org.blended.service.review.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the final decisions decided in a period. Plain SQL both databases (PostgreSQL and the
 * embedded H2) answer alike: the counting and the percentiles are done in Java.
 */
@Component
class OverridesQuery {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> TEXTS = new TypeReference<>() { };

    private final JdbcTemplate jdbc;

    OverridesQuery(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Final decisions decided from (inclusive) until (exclusive), of the lender and version when given. */
    @Transactional(readOnly = true)
    List<Settled> settled(UUID lenderId, String ruleSetVersion, Instant from, Instant until) {
        StringBuilder sql = new StringBuilder("select f.automated_outcome, f.outcome, f.criteria, f.override_reason, "
                + "f.direction, f.decided_by, f.rule_set_version, f.case_opened_at, f.decided_at from final_decision f "
                + "where f.decided_at >= ? and f.decided_at < ?");
        List<Object> args = new ArrayList<>(List.of(Timestamp.from(from), Timestamp.from(until)));
        if (lenderId != null) {
            sql.append(" and f.lender_id = ?");
            args.add(lenderId);
        }
        if (ruleSetVersion != null) {
            sql.append(" and f.rule_set_version = ?");
            args.add(ruleSetVersion);
        }
        return jdbc.query(sql.toString(), (rs, row) -> read(rs), args.toArray());
    }

    private static Settled read(ResultSet rs) throws SQLException {
        return new Settled(rs.getString(1), rs.getString(2), texts(rs.getString(3)), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant(), rs.getTimestamp(9).toInstant());
    }

    private static List<String> texts(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return JSON.readValue(json, TEXTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A final decision's criteria are not a JSON list: " + e.getOriginalMessage());
        }
    }
}

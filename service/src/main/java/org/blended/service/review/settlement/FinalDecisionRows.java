package org.blended.service.review.settlement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.blended.rules.assessment.Outcome;

/** Reads and writes final_decision and final_decision_proposal rows; lists are JSON arrays of texts. */
final class FinalDecisionRows {

    static final String COLUMNS = "f.id, f.case_id, f.decision_id, f.application_id, f.lender_id, f.automated_outcome, "
            + "f.rule_set_version, f.outcome, f.conditions, f.criteria, f.rationale, f.override_reason, f.direction, "
            + "f.decided_by, f.approved_by, f.case_opened_at, f.decided_at, f.sequence, f.previous_hash, f.hash";
    static final String PROPOSAL_COLUMNS = "id, case_id, outcome, conditions, criteria, rationale, override_reason, "
            + "direction, proposed_by, proposed_at, settled, settled_by, settled_at, settle_note";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> TEXTS = new TypeReference<>() { };

    private FinalDecisionRows() {
    }

    static FinalDecision read(ResultSet rs) throws SQLException {
        return new FinalDecision(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                rs.getObject(4, UUID.class), rs.getObject(5, UUID.class), Outcome.valueOf(rs.getString(6)), rs.getString(7),
                Outcome.valueOf(rs.getString(8)), texts(rs.getString(9)), texts(rs.getString(10)), rs.getString(11),
                rs.getString(12), direction(rs.getString(13)), rs.getString(14), rs.getString(15), instant(rs, 16),
                instant(rs, 17), rs.getLong(18), rs.getString(19), rs.getString(20));
    }

    static Proposal readProposal(ResultSet rs) throws SQLException {
        return new Proposal(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), Outcome.valueOf(rs.getString(3)),
                texts(rs.getString(4)), texts(rs.getString(5)), rs.getString(6), rs.getString(7),
                direction(rs.getString(8)), rs.getString(9), instant(rs, 10), rs.getString(11), rs.getString(12),
                instant(rs, 13), rs.getString(14));
    }

    static String json(List<String> texts) {
        try {
            return JSON.writeValueAsString(texts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> texts(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return JSON.readValue(json, TEXTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored list is not JSON: " + e.getOriginalMessage());
        }
    }

    private static Direction direction(String value) {
        return value == null ? null : Direction.valueOf(value);
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}

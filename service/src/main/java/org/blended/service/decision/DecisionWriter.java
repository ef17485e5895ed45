package org.blended.service.decision;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.blended.rules.assessment.Theme;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes applications and their decisions, scores and reasons as four JDBC batches however
 * many decisions there are: one round trip per table, where the ORM would take one per decision
 * for each collection. Reading stays with JPA.
 */
@Component
class DecisionWriter {

    private final JdbcTemplate jdbc;

    DecisionWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void insert(List<StoredApplication> applications, List<Decision> decisions) {
        if (applications.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                insert into application (id, lender_id, lender_reference, channel, source, legal_name, legal_form,
                    request_type, amount, payload, received_at, access_token, batch_id, batch_row, lender_values)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", applications, applications.size(), (ps, a) -> {
            ps.setObject(1, a.getId());
            ps.setObject(2, a.getLenderId());
            ps.setString(3, a.getLenderReference());
            ps.setString(4, a.getChannel().name());
            ps.setString(5, a.getSource());
            ps.setString(6, a.getLegalName());
            ps.setString(7, a.getLegalForm().name());
            ps.setString(8, a.getRequestType().name());
            ps.setBigDecimal(9, a.getAmount());
            ps.setString(10, a.getPayload());
            ps.setTimestamp(11, Timestamp.from(a.getReceivedAt()));
            ps.setString(12, a.getAccessToken());
            ps.setObject(13, a.getBatchId());
            setInteger(ps, 14, a.getBatchRow());
            ps.setString(15, a.getLenderValues());
        });
        jdbc.batchUpdate("""
                insert into decision (id, application_id, lender_id, outcome, rule_set_version, financial_band, impact_band,
                    financial_score, social_value_score, social_value_gbp, social_value_per_pound, assessed_on, decided_at,
                    evaluation_micros, sequence, previous_hash, hash)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", decisions, decisions.size(), (ps, d) -> {
            ps.setObject(1, d.getId());
            ps.setObject(2, d.getApplicationId());
            ps.setObject(3, d.getLenderId());
            ps.setString(4, d.getOutcome().name());
            ps.setString(5, d.getRuleSetVersion());
            ps.setString(6, d.getFinancialBand().name());
            ps.setString(7, d.getImpactBand().name());
            ps.setInt(8, d.getFinancialScore());
            ps.setInt(9, d.getSocialValueScore());
            ps.setBigDecimal(10, d.getSocialValueGbp());
            ps.setBigDecimal(11, d.getSocialValuePerPound());
            ps.setObject(12, d.getAssessedOn());
            ps.setTimestamp(13, Timestamp.from(d.getDecidedAt()));
            ps.setLong(14, d.getEvaluationMicros());
            ps.setLong(15, d.getSequence());
            ps.setString(16, d.getPreviousHash());
            ps.setString(17, d.getHash());
        });
        List<Object[]> scores = new ArrayList<>();
        List<Object[]> reasons = new ArrayList<>();
        for (Decision d : decisions) {
            for (Map.Entry<Theme, Integer> score : d.getScores().entrySet()) {
                scores.add(new Object[] {d.getId(), score.getKey().name(), score.getValue()});
            }
            List<DecisionReason> list = d.getReasons();
            for (int position = 0; position < list.size(); position++) {
                DecisionReason r = list.get(position);
                reasons.add(new Object[] {d.getId(), position, r.getCode(), r.getCriterion(), r.getTheme().name(),
                        r.getEffect().name(), r.getPoints(), r.getRating() == null ? null : r.getRating().name(), r.getText(),
                        r.getApplicantText(), r.getRule(), r.getFigure(), r.getThreshold()});
            }
        }
        insertAll("decision_score", "decision_id, theme, points", scores);
        insertAll("decision_reason", "decision_id, position, code, criterion, theme, effect, points, rating, text, "
                + "applicant_text, rule_name, figure, threshold", reasons);
    }

    /** COPY on PostgreSQL; a batch of inserts elsewhere. */
    private void insertAll(String table, String columns, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Boolean copied = jdbc.execute((ConnectionCallback<Boolean>) connection -> CopyRows.copy(connection, table, columns, rows));
        if (!Boolean.TRUE.equals(copied)) {
            String marks = String.join(", ", java.util.Collections.nCopies(rows.get(0).length, "?"));
            jdbc.batchUpdate("insert into " + table + " (" + columns + ") values (" + marks + ")", rows);
        }
    }

    private static void setInteger(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }
}

package org.blended.service.portfolio.record;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes the portfolio's rows and moves its counters: one batched statement per table however many
 * decisions a chunk holds. PostgreSQL adds to a counter with INSERT ... ON CONFLICT DO UPDATE; the
 * embedded H2 default has no such statement, so there each counter is updated and, if missing,
 * inserted (decisions are recorded one transaction at a time behind the chain's lock, so nothing
 * inserts the same counter in between).
 */
@Component
class PortfolioWriter {

    private final JdbcTemplate jdbc;
    private volatile Boolean postgres;

    PortfolioWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(List<PortfolioRow> rows) {
        jdbc.batchUpdate("""
                insert into portfolio_decision (application_id, lender_id, decided_month, rule_set_version, automated_outcome,
                    final_outcome, legal_form, size_band, region, deprivation_decile, amount, term_months, outcome_areas,
                    beneficiary_groups, social_value_gbp)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows, rows.size(), (ps, r) -> {
            ReportedDimensions d = r.dimensions();
            ps.setObject(1, r.applicationId());
            ps.setObject(2, r.lenderId());
            ps.setDate(3, Date.valueOf(r.month()));
            ps.setString(4, r.ruleSetVersion());
            ps.setString(5, r.automatedOutcome());
            ps.setString(6, r.automatedOutcome());
            ps.setString(7, d.legalForm());
            ps.setString(8, d.sizeBand().name());
            ps.setString(9, d.region());
            ps.setString(10, d.deprivationDecile());
            ps.setBigDecimal(11, r.amount());
            if (d.termMonths() == null) {
                ps.setNull(12, Types.INTEGER);
            } else {
                ps.setInt(12, d.termMonths());
            }
            ps.setString(13, ReportedDimensions.spaced(d.outcomeAreas()));
            ps.setString(14, ReportedDimensions.spaced(d.beneficiaryGroups()));
            ps.setBigDecimal(15, r.socialValueGbp());
        });
        List<Object[]> claims = new ArrayList<>();
        for (PortfolioRow r : rows) {
            for (int i = 0; i < r.claims().size(); i++) {
                CountedClaim c = r.claims().get(i);
                claims.add(new Object[] {r.applicationId(), i, c.measure(), c.unit(), c.gross(), c.net(), c.evidence(),
                        c.gbp() == null ? null : java.math.BigDecimal.valueOf(c.gbp()), c.valueSource()});
            }
        }
        if (!claims.isEmpty()) {
            jdbc.batchUpdate("insert into decision_claim (application_id, position, measure, unit, gross, net, evidence, "
                    + "gbp, value_source) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", claims);
        }
    }

    void finalOutcome(java.util.UUID applicationId, String finalOutcome) {
        jdbc.update("update portfolio_decision set final_outcome = ? where application_id = ?", finalOutcome, applicationId);
    }

    void add(Counts counts) {
        if (isPostgres()) {
            upsertTallies(counts);
            upsertMeasures(counts);
        } else {
            inKeyOrder(counts.tallies).forEach(e -> mergeTally(e.getKey(), e.getValue()));
            inKeyOrder(counts.measures).forEach(e -> mergeMeasure(e.getKey(), e.getValue()));
        }
    }

    private void upsertTallies(Counts counts) {
        List<Map.Entry<TallyKey, Counts.Tally>> rows = inKeyOrder(counts.tallies);
        jdbc.batchUpdate("""
                insert into portfolio_tally (lender_id, dimension, decided_month, rule_set_version, grp, automated_outcome,
                    final_outcome, applications, amount)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (lender_id, dimension, decided_month, rule_set_version, grp, automated_outcome, final_outcome)
                do update set applications = portfolio_tally.applications + excluded.applications,
                              amount = portfolio_tally.amount + excluded.amount""", rows, rows.size(), (ps, e) -> {
            tallyKey(ps, e.getKey());
            ps.setLong(8, e.getValue().applications);
            ps.setBigDecimal(9, e.getValue().amount);
        });
    }

    private void upsertMeasures(Counts counts) {
        List<Map.Entry<MeasureKey, Counts.MeasureTally>> rows = inKeyOrder(counts.measures);
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                insert into portfolio_measure (lender_id, decided_month, rule_set_version, automated_outcome, final_outcome,
                    measure, value_source, claims, gross, net, gbp)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (lender_id, decided_month, rule_set_version, automated_outcome, final_outcome, measure, value_source)
                do update set claims = portfolio_measure.claims + excluded.claims,
                              gross = portfolio_measure.gross + excluded.gross,
                              net = portfolio_measure.net + excluded.net,
                              gbp = portfolio_measure.gbp + excluded.gbp""", rows, rows.size(), (ps, e) -> {
            measureKey(ps, e.getKey());
            measureFigures(ps, 8, e.getValue());
        });
    }

    /**
     * Counters in one order whoever writes them (a chunk of decisions, a final decision), so two
     * transactions moving the same counters wait for each other instead of deadlocking.
     */
    private static <K, V> List<Map.Entry<K, V>> inKeyOrder(Map<K, V> counters) {
        List<Map.Entry<K, V>> rows = new ArrayList<>(counters.entrySet());
        rows.sort(java.util.Comparator.comparing(e -> e.getKey().toString()));
        return rows;
    }

    private void mergeTally(TallyKey key, Counts.Tally t) {
        Object[] k = {key.lenderId(), key.dimension(), Date.valueOf(key.month()), key.ruleSetVersion(), key.group(),
                key.automatedOutcome(), key.finalOutcome()};
        int updated = jdbc.update("""
                update portfolio_tally set applications = applications + ?, amount = amount + ?
                where lender_id = ? and dimension = ? and decided_month = ? and rule_set_version = ? and grp = ?
                  and automated_outcome = ? and final_outcome = ?""", concat(new Object[] {t.applications, t.amount}, k));
        if (updated == 0) {
            jdbc.update("insert into portfolio_tally (lender_id, dimension, decided_month, rule_set_version, grp, automated_outcome, "
                    + "final_outcome, applications, amount) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    concat(k, new Object[] {t.applications, t.amount}));
        }
    }

    private void mergeMeasure(MeasureKey key, Counts.MeasureTally t) {
        Object[] k = {key.lenderId(), Date.valueOf(key.month()), key.ruleSetVersion(), key.automatedOutcome(),
                key.finalOutcome(), key.measure(), key.valueSource()};
        Object[] figures = {t.claims, t.gross, t.net, t.gbp};
        int updated = jdbc.update("""
                update portfolio_measure set claims = claims + ?, gross = gross + ?, net = net + ?, gbp = gbp + ?
                where lender_id = ? and decided_month = ? and rule_set_version = ? and automated_outcome = ? and final_outcome = ?
                  and measure = ? and value_source = ?""", concat(figures, k));
        if (updated == 0) {
            jdbc.update("insert into portfolio_measure (lender_id, decided_month, rule_set_version, automated_outcome, final_outcome, "
                    + "measure, value_source, claims, gross, net, gbp) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    concat(k, figures));
        }
    }

    private static Object[] concat(Object[] first, Object[] second) {
        Object[] all = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    private static void tallyKey(PreparedStatement ps, TallyKey k) throws SQLException {
        ps.setObject(1, k.lenderId());
        ps.setString(2, k.dimension());
        ps.setDate(3, Date.valueOf(k.month()));
        ps.setString(4, k.ruleSetVersion());
        ps.setString(5, k.group());
        ps.setString(6, k.automatedOutcome());
        ps.setString(7, k.finalOutcome());
    }

    private static void measureKey(PreparedStatement ps, MeasureKey k) throws SQLException {
        ps.setObject(1, k.lenderId());
        ps.setDate(2, Date.valueOf(k.month()));
        ps.setString(3, k.ruleSetVersion());
        ps.setString(4, k.automatedOutcome());
        ps.setString(5, k.finalOutcome());
        ps.setString(6, k.measure());
        ps.setString(7, k.valueSource());
    }

    private static void measureFigures(PreparedStatement ps, int first, Counts.MeasureTally t) throws SQLException {
        ps.setLong(first, t.claims);
        ps.setDouble(first + 1, t.gross);
        ps.setDouble(first + 2, t.net);
        ps.setBigDecimal(first + 3, t.gbp);
    }

    private boolean isPostgres() {
        Boolean known = postgres;
        if (known == null) {
            known = jdbc.execute((ConnectionCallback<Boolean>) (Connection c) ->
                    c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres"));
            postgres = known;
        }
        return known;
    }
}

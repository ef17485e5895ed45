package org.blended.service.portfolio.funder;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.function.Consumer;

import org.blended.service.portfolio.Scope;
import org.blended.service.report.ReportFilter;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the approved applications of a period a page at a time (keyset on month and application), so
 * an export of a year holds one page in memory, never the report. The order is the month decided,
 * then the application's id: the same period and versions give the same rows in the same order.
 */
@Component
class FunderRows {

    static final int PAGE = 1000;
    private static final String APPROVED = "('APPROVE', 'APPROVE_WITH_CONDITIONS')";
    /** The reasons' themes that give each of the five dimensions of impact. */
    private static final Map<String, String> DIMENSION_OF_THEME = Map.of(
            "IMPACT_WHAT", "what", "IMPACT_WHO", "who",
            "IMPACT_HOW_MUCH", "howMuch", "LOCAL_ECONOMY", "howMuch", "FAIR_WORK", "howMuch", "ENVIRONMENT", "howMuch",
            "CONTRIBUTION", "contribution",
            "IMPACT_RISK", "risk", "EVIDENCE", "risk");

    private final NamedParameterJdbcTemplate named;

    FunderRows(NamedParameterJdbcTemplate named) {
        this.named = named;
    }

    /** Gives every approved application of the filter to {@code each}, in order; call inside a read-only transaction. */
    void each(ReportFilter filter, Consumer<FunderRow> each) {
        Scope scope = Scope.of(filter, "pd.");
        LocalDate lastMonth = LocalDate.of(1, 1, 1);
        UUID lastId = new UUID(Long.MIN_VALUE, Long.MIN_VALUE);
        while (true) {
            List<Object> parameters = new ArrayList<>(scope.parameters());
            // a row comparison, so the next page starts where the last ended in the index, however deep
            parameters.add(Date.valueOf(lastMonth));
            parameters.add(lastId);
            List<Head> page = named.getJdbcTemplate().query("""
                    select pd.application_id, pd.decided_month, pd.rule_set_version, pd.automated_outcome, pd.final_outcome,
                        pd.legal_form, pd.amount, pd.term_months, pd.outcome_areas, pd.beneficiary_groups, a.lender_reference,
                        l.code
                    from portfolio_decision pd
                    join application a on a.id = pd.application_id
                    join lender l on l.id = pd.lender_id
                    where\s""" + scope.where() + " and pd.final_outcome in " + APPROVED + """
                     and (pd.decided_month, pd.application_id) > (?, ?)
                    order by pd.decided_month, pd.application_id
                    limit\s""" + PAGE, (rs, n) -> new Head(rs.getObject(1, UUID.class), rs.getDate(2).toLocalDate(),
                    rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getBigDecimal(7),
                    (Integer) rs.getObject(8), codes(rs.getString(9)), codes(rs.getString(10)), rs.getString(11),
                    rs.getString(12)), parameters.toArray());
            if (page.isEmpty()) {
                return;
            }
            List<UUID> ids = page.stream().map(Head::applicationId).toList();
            Map<UUID, List<FunderRow.FunderClaim>> claims = claims(ids);
            Map<UUID, Map<String, StringJoiner>> dimensions = dimensions(ids);
            for (Head h : page) {
                List<FunderRow.FunderClaim> own = claims.getOrDefault(h.applicationId(), List.of());
                Map<String, StringJoiner> said = dimensions.getOrDefault(h.applicationId(), Map.of());
                each.accept(new FunderRow(h.lender(), h.reference(), YearMonth.from(h.month()), h.ruleSetVersion(),
                        h.automatedOutcome(), h.finalOutcome(), h.legalForm(), h.amount(), h.termMonths(), h.areas(),
                        h.groups(), own, own.stream().map(FunderRow.FunderClaim::gbp).filter(java.util.Objects::nonNull)
                        .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add),
                        text(said, "what"), text(said, "who"), text(said, "howMuch"), text(said, "contribution"),
                        text(said, "risk")));
            }
            Head last = page.get(page.size() - 1);
            lastMonth = last.month();
            lastId = last.applicationId();
            if (page.size() < PAGE) {
                return;
            }
        }
    }

    private Map<UUID, List<FunderRow.FunderClaim>> claims(List<UUID> ids) {
        Map<UUID, List<FunderRow.FunderClaim>> claims = new HashMap<>();
        named.query("""
                select application_id, measure, unit, gross, net, evidence, gbp, value_source from decision_claim
                where application_id in (:ids) order by application_id, position""", new MapSqlParameterSource("ids", ids), rs -> {
            String measure = rs.getString(2);
            claims.computeIfAbsent(rs.getObject(1, UUID.class), id -> new ArrayList<>()).add(new FunderRow.FunderClaim(
                    measure, rs.getString(3), rs.getDouble(4), rs.getDouble(5), rs.getString(6), rs.getBigDecimal(7),
                    rs.getString(8), IrisMetrics.of(measure)));
        });
        return claims;
    }

    private Map<UUID, Map<String, StringJoiner>> dimensions(List<UUID> ids) {
        Map<UUID, Map<String, StringJoiner>> said = new HashMap<>();
        named.query("""
                select d.application_id, r.theme, r.text from decision_reason r join decision d on d.id = r.decision_id
                where d.application_id in (:ids) and r.theme in (:themes) order by d.application_id, r.position""",
                new MapSqlParameterSource("ids", ids).addValue("themes", DIMENSION_OF_THEME.keySet()), rs -> {
                    said.computeIfAbsent(rs.getObject(1, UUID.class), id -> new LinkedHashMap<>())
                            .computeIfAbsent(DIMENSION_OF_THEME.get(rs.getString(2)), d -> new StringJoiner(" "))
                            .add(rs.getString(3));
                });
        return said;
    }

    private static String text(Map<String, StringJoiner> said, String dimension) {
        StringJoiner joined = said.get(dimension);
        return joined == null ? "" : joined.toString();
    }

    private static List<String> codes(String spaced) {
        return spaced == null || spaced.isBlank() ? List.of() : Arrays.asList(spaced.split(" "));
    }

    private record Head(UUID applicationId, LocalDate month, String ruleSetVersion, String automatedOutcome,
                        String finalOutcome, String legalForm, java.math.BigDecimal amount, Integer termMonths,
                        List<String> areas, List<String> groups, String reference, String lender) {
    }
}

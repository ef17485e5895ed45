package org.blended.service.portfolio.record;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.blended.service.portfolio.SizeBand;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads a decision's portfolio row back, to move its counters when a person decides. */
@Component
class StoredRow {

    private final JdbcTemplate jdbc;

    StoredRow(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** With the outcome it is counted under now; empty for a decision stored before the portfolio was. */
    Optional<Counted> of(UUID applicationId) {
        List<CountedClaim> claims = jdbc.query("""
                select measure, unit, gross, net, evidence, gbp, value_source from decision_claim
                where application_id = ? order by position""", (rs, n) -> new CountedClaim(rs.getString(1), rs.getString(2),
                rs.getDouble(3), rs.getDouble(4), rs.getString(5), rs.getBigDecimal(6) == null ? null : rs.getBigDecimal(6).doubleValue(),
                rs.getString(7)), applicationId);
        return jdbc.query("""
                select lender_id, decided_month, rule_set_version, automated_outcome, final_outcome, legal_form, size_band, region,
                    deprivation_decile, amount, term_months, outcome_areas, beneficiary_groups, social_value_gbp
                from portfolio_decision where application_id = ?""", (rs, n) -> new Counted(new PortfolioRow(applicationId,
                rs.getObject(1, UUID.class), rs.getDate(2).toLocalDate(), rs.getString(3), rs.getString(4), rs.getBigDecimal(10),
                rs.getBigDecimal(14), new ReportedDimensions(rs.getString(6), SizeBand.valueOf(rs.getString(7)), rs.getString(8),
                rs.getString(9), (Integer) rs.getObject(11), codes(rs.getString(12)), codes(rs.getString(13))), claims),
                rs.getString(5)), applicationId).stream().findFirst();
    }

    private static List<String> codes(String spaced) {
        return spaced == null || spaced.isBlank() ? List.of() : Arrays.asList(spaced.split(" "));
    }

    record Counted(PortfolioRow row, String finalOutcome) {
    }
}

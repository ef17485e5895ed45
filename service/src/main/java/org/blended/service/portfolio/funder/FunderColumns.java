package org.blended.service.portfolio.funder;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

import org.blended.rules.application.Measure;

/**
 * The export's columns, the same in CSV and xlsx: a row per approved application, its claims in one
 * cell (each: measure, unit, gross, net, evidence grade, IRIS+ metric, value), the net counted of each
 * measure in its own column so a spreadsheet can add them, and the five dimensions of impact. The
 * last row, "total", adds up the amount, the net claims and the valued part.
 */
final class FunderColumns {

    static final List<String> HEADER;

    static {
        List<String> header = new ArrayList<>(List.of("row", "lender", "reference", "month", "rule_set_version",
                "automated_outcome", "final_outcome", "legal_form", "amount_gbp", "term_months", "outcome_areas",
                "beneficiary_groups", "claims"));
        for (Measure m : Measure.values()) {
            header.add("net_" + m.name().toLowerCase(Locale.ROOT) + " (" + m.getUnit() + ")");
        }
        header.addAll(List.of("valued_gbp_a_year", "what", "who", "how_much", "contribution", "risk"));
        HEADER = List.copyOf(header);
    }

    private FunderColumns() {
    }

    /** The cells of one application: text, whole numbers, or decimals (BigDecimal, Double). */
    static List<Object> of(FunderRow r) {
        List<Object> cells = new ArrayList<>(List.of("application", r.lender(), r.reference(), r.month().toString(),
                r.ruleSetVersion(), r.automatedOutcome(), r.finalOutcome(), r.legalForm(), r.amount()));
        cells.add(r.termMonths());
        cells.add(String.join(" ", r.outcomeAreas()));
        cells.add(String.join(" ", r.beneficiaryGroups()));
        cells.add(claims(r.claims()));
        for (Measure m : Measure.values()) {
            double net = r.claims().stream().filter(c -> c.measure().equals(m.name())).mapToDouble(FunderRow.FunderClaim::net).sum();
            cells.add(r.claims().stream().anyMatch(c -> c.measure().equals(m.name())) ? Math.round(net * 100) / 100.0 : null);
        }
        cells.addAll(List.of(r.valuedGbp(), r.what(), r.who(), r.howMuch(), r.contribution(), r.risk()));
        return cells;
    }

    static List<Object> total(FunderTotals t) {
        List<Object> cells = new ArrayList<>(List.of("total", "", t.applications() + " applications", "", "", "", "", "",
                t.amount()));
        cells.add(null);
        cells.add("");
        cells.add("");
        cells.add("");
        for (Measure m : Measure.values()) {
            cells.add(m == Measure.LIVING_WAGE_STAFF ? null : t.net(m)); // a share of staff does not add up
        }
        cells.addAll(List.of(t.valuedGbp(), "", "", "", "", ""));
        return cells;
    }

    /** "JOBS_CREATED 3.0 FTE gross, 1.53 net, RECORDS, IRIS+ PI3687; GHG_AVOIDED ... net, GBP 624 (source)". */
    static String claims(List<FunderRow.FunderClaim> claims) {
        StringJoiner all = new StringJoiner("; ");
        for (FunderRow.FunderClaim c : claims) {
            StringBuilder one = new StringBuilder(c.measure()).append(' ').append(c.gross()).append(' ').append(c.unit())
                    .append(" gross, ").append(c.net()).append(" net, ").append(c.evidence());
            if (c.irisMetric() != null) {
                one.append(", IRIS+ ").append(c.irisMetric());
            }
            if (c.gbp() != null) {
                one.append(", GBP ").append(c.gbp().stripTrailingZeros().toPlainString()).append(" a year (")
                        .append(c.valueSource()).append(')');
            }
            all.add(one);
        }
        return all.toString();
    }
}

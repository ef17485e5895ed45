package org.blended.service.review.report;

import java.util.List;

import org.blended.service.report.CsvCell;

/**
 * The report as one CSV table for a spreadsheet: a row per month and per group, each saying which
 * section it belongs to. A cell a spreadsheet would take for a formula is written as text.
 */
final class OverridesCsv {

    private static final String HEADER = "section,key,label,final_decisions,overrides,override_rate,"
            + "median_seconds_to_decision,p95_seconds_to_decision\r\n";

    private OverridesCsv() {
    }

    static String of(OverridesReport report) {
        StringBuilder csv = new StringBuilder(HEADER);
        row(csv, "total", "", "", report.total());
        report.months().forEach(m -> row(csv, "month", m.month().toString(), "", m.figures()));
        groups(csv, "criterion", report.byCriterion());
        groups(csv, "reason", report.byReason());
        groups(csv, "direction", report.byDirection());
        groups(csv, "rule_set_version", report.byRuleSetVersion());
        groups(csv, "officer", report.byOfficer());
        return csv.toString();
    }

    private static void groups(StringBuilder csv, String section, List<OverridesReport.Group> groups) {
        groups.forEach(g -> row(csv, section, g.key(), g.label(), g.figures()));
    }

    private static void row(StringBuilder csv, String section, String key, String label, OverridesReport.Figures f) {
        csv.append(section).append(',').append(cell(key)).append(',').append(cell(label)).append(',')
                .append(f.finalDecisions()).append(',').append(f.overrides()).append(',')
                .append(f.overrideRate() == null ? "" : String.format(java.util.Locale.ROOT, "%.4f", f.overrideRate()))
                .append(',').append(f.medianSecondsToDecision() == null ? "" : f.medianSecondsToDecision())
                .append(',').append(f.p95SecondsToDecision() == null ? "" : f.p95SecondsToDecision()).append("\r\n");
    }

    private static String cell(String value) {
        return CsvCell.of(value);
    }
}

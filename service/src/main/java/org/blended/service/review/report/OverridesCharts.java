package org.blended.service.review.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.blended.service.report.ChartData;
import org.blended.service.report.ReportWords;

/**
 * The figures the page's charts draw, as a JSON data block (the page's policy runs no inline
 * script, and a data block is not run), and what each chart shows in words for those who cannot see it.
 */
final class OverridesCharts {

    private static final double HOUR = 3600.0;

    private OverridesCharts() {
    }

    /** Months, overrides and rates (%) per month, and the times (hours) per month. */
    static String data(OverridesReport report, ReportWords words) {
        List<OverridesReport.Month> months = report.months();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("months", months.stream().map(m -> words.shortMonth(m.month())).toList());
        data.put("finalDecisions", each(months, f -> f.finalDecisions()));
        data.put("overrides", each(months, f -> f.overrides()));
        data.put("ratePercent", each(months, f -> f.overrideRate() == null ? null : Math.round(f.overrideRate() * 1000) / 10.0));
        data.put("medianHours", each(months, f -> hours(f.medianSecondsToDecision())));
        data.put("p95Hours", each(months, f -> hours(f.p95SecondsToDecision())));
        return ChartData.json(data);
    }

    static String overridesSummary(OverridesReport report, ReportWords words) {
        OverridesReport.Figures total = report.total();
        return "Bar chart of overrides per month, with a line for the override rate, " + period(report, words) + ": "
                + words.count(total.overrides(), "override") + " of " + words.count(total.finalDecisions(), "final decision") + " ("
                + words.percent(total.overrideRate()) + " overall). The table of months below gives every figure.";
    }

    static String timesSummary(OverridesReport report, ReportWords words) {
        OverridesReport.Figures total = report.total();
        return "Line chart of the median and 95th percentile time to a human decision per month, " + period(report, words)
                + ": over the whole period the median is " + words.duration(total.medianSecondsToDecision())
                + " and the 95th percentile " + words.duration(total.p95SecondsToDecision())
                + ". The table of months below gives every figure.";
    }

    private static String period(OverridesReport report, ReportWords words) {
        return words.month(report.scope().from()) + " to " + words.month(report.scope().to());
    }

    private static List<Object> each(List<OverridesReport.Month> months, Function<OverridesReport.Figures, Object> figure) {
        return months.stream().map(m -> figure.apply(m.figures())).toList();
    }

    private static Double hours(Long seconds) {
        return seconds == null ? null : Math.round(seconds / HOUR * 10) / 10.0;
    }
}

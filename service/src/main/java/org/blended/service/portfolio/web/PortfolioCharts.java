package org.blended.service.portfolio.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.blended.service.portfolio.summary.PortfolioSummary;
import org.blended.service.report.ChartData;

/**
 * What the portfolio page's charts draw: applications and approval rates per month, applications by
 * outcome (automated and final), and the Outcomes Matrix as a heat map of approved amounts. The page's
 * tables carry the same figures as text, and each chart's label says what it shows.
 */
final class PortfolioCharts {

    private PortfolioCharts() {
    }

    static String data(PortfolioSummary summary, PortfolioWords words) {
        Map<String, Object> data = new LinkedHashMap<>();
        List<PortfolioSummary.Month> months = summary.months();
        data.put("months", months.stream().map(m -> words.shortMonth(m.month())).toList());
        data.put("applications", months.stream().map(m -> m.figures().applications()).toList());
        data.put("automatedRate", months.stream().map(m -> percent(m.figures().automatedApprovalRate())).toList());
        data.put("finalRate", months.stream().map(m -> percent(m.figures().finalApprovalRate())).toList());

        List<OutcomeRow> outcomes = OutcomeRow.of(summary);
        data.put("outcomes", outcomes.stream().map(o -> words.outcome(o.outcome())).toList());
        data.put("automatedByOutcome", outcomes.stream().map(OutcomeRow::automated).toList());
        data.put("finalByOutcome", outcomes.stream().map(OutcomeRow::finals).toList());

        PortfolioSummary.OutcomesMatrix matrix = summary.matrix();
        data.put("areas", matrix.areas().stream().map(words::area).toList());
        data.put("groups", matrix.groups().stream().map(words::group).toList());
        List<List<Object>> cells = new ArrayList<>();
        for (PortfolioSummary.Cell c : matrix.cells()) {
            // [group index (x), area index (y), amount in £, applications]
            cells.add(List.of(matrix.groups().indexOf(c.group()), matrix.areas().indexOf(c.area()),
                    c.amount().longValue(), c.applications()));
        }
        data.put("cells", cells);
        return ChartData.json(data);
    }

    static String monthsSummary(PortfolioSummary summary, PortfolioWords words) {
        PortfolioSummary.Totals t = summary.total();
        return "Bar chart of applications per month with lines for the automated and final approval rates, "
                + words.month(summary.scope().from()) + " to " + words.month(summary.scope().to()) + ": "
                + words.count(t.applications(), "application") + ", " + words.percent(t.automatedApprovalRate())
                + " approved by the rules and " + words.percent(t.finalApprovalRate())
                + " in the end. The table of months below gives every figure.";
    }

    static String outcomesSummary() {
        return "Bar chart of applications by outcome, automated beside final. The table of outcomes below gives "
                + "every figure.";
    }

    static String matrixSummary(PortfolioSummary summary, PortfolioWords words) {
        return "Heat map of the amount approved in each outcome area (rows) for each beneficiary group (columns): "
                + words.count(summary.matrix().cells().size(), "cell") + " with approved applications. The Outcomes "
                + "Matrix table below gives every amount and count.";
    }

    private static Double percent(Double rate) {
        return rate == null ? null : Math.round(rate * 1000) / 10.0;
    }
}

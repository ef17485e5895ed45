package org.blended.service.portfolio.web;

import java.math.BigDecimal;
import java.util.List;

import org.blended.service.portfolio.summary.PortfolioSummary;

/** One outcome's line on the page: how many and how much by the rules, and in the end. */
record OutcomeRow(String outcome, long automated, BigDecimal automatedAmount, long finals, BigDecimal finalAmount) {

    static final List<String> OUTCOMES = List.of("APPROVE", "APPROVE_WITH_CONDITIONS", "REFER", "DECLINE");

    static List<OutcomeRow> of(PortfolioSummary summary) {
        return OUTCOMES.stream().map(o -> {
            PortfolioSummary.ByOutcome a = find(summary.byAutomatedOutcome(), o);
            PortfolioSummary.ByOutcome f = find(summary.byFinalOutcome(), o);
            return new OutcomeRow(o, a.applications(), a.amount(), f.applications(), f.amount());
        }).toList();
    }

    private static PortfolioSummary.ByOutcome find(List<PortfolioSummary.ByOutcome> list, String outcome) {
        return list.stream().filter(b -> b.outcome().equals(outcome)).findFirst()
                .orElse(new PortfolioSummary.ByOutcome(outcome, 0, BigDecimal.ZERO));
    }
}

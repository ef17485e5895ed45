package org.blended.service.decision;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.blended.rules.assessment.FinancialBand;
import org.blended.rules.assessment.ImpactBand;
import org.blended.rules.assessment.Outcome;
import org.blended.rules.assessment.Theme;

/** A stored decision as the API shows it. */
public record DecisionView(UUID applicationId, Outcome outcome, String ruleSetVersion,
                           FinancialBand financialBand, ImpactBand impactBand,
                           int financialScore, int socialValueScore, BigDecimal socialValueGbp,
                           BigDecimal socialValuePerPound, Map<Theme, Integer> scores,
                           List<ReasonView> reasons, LocalDate assessedOn, Instant decidedAt) {

    public static DecisionView of(Decision d) {
        return new DecisionView(d.getApplicationId(), d.getOutcome(), d.getRuleSetVersion(), d.getFinancialBand(),
                d.getImpactBand(), d.getFinancialScore(), d.getSocialValueScore(), d.getSocialValueGbp(),
                d.getSocialValuePerPound(), inThemeOrder(d.getScores()),
                d.getReasons().stream().map(ReasonView::of).toList(), d.getAssessedOn(), d.getDecidedAt());
    }

    private static Map<Theme, Integer> inThemeOrder(Map<Theme, Integer> scores) {
        Map<Theme, Integer> ordered = new EnumMap<>(Theme.class);
        ordered.putAll(scores);
        return ordered;
    }
}

package org.blended.service.explanation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.blended.rules.assessment.Effect;
import org.blended.rules.assessment.FinancialBand;
import org.blended.rules.assessment.Theme;
import org.blended.service.decision.DecisionView;
import org.blended.service.decision.ReasonView;

/** Turns a stored decision's reasons into an explanation; no rule is re-implemented here. */
final class ExplanationBuilder {

    private ExplanationBuilder() {
    }

    /** {@code nearMissWithin}: how close to the next band's threshold, relatively, a figure must be to be a near miss. */
    static Explanation build(DecisionView decision, WhatWouldChange.Search search, double nearMissWithin) {
        Map<Theme, List<ReasonView>> byTheme = new EnumMap<>(Theme.class);
        decision.reasons().forEach(r -> byTheme.computeIfAbsent(r.theme(), t -> new ArrayList<>()).add(r));
        List<Explanation.ThemeExplanation> themes = new ArrayList<>();
        byTheme.forEach((theme, reasons) -> {
            int points = reasons.stream().filter(r -> r.effect() == Effect.POINTS).mapToInt(ReasonView::points).sum();
            themes.add(new Explanation.ThemeExplanation(theme, theme.isSocialValue(), points, verdict(theme, reasons, decision),
                    reasons.stream().filter(ExplanationBuilder::counted).map(ExplanationBuilder::line).toList(),
                    reasons.stream().filter(ExplanationBuilder::against).map(ExplanationBuilder::line).toList()));
        });
        // Social value first: what the applicant evidenced is stated before anything else.
        themes.sort((a, b) -> Boolean.compare(b.socialValue(), a.socialValue()));
        List<Explanation.NearMiss> nearMisses = NearMisses.of(decision.reasons(), nearMissWithin);
        List<Explanation.Line> gaps = decision.reasons().stream()
                .filter(r -> r.code().startsWith("I11-") || r.code().startsWith("I1-NO-") || r.code().equals("E5-NOT-SHOWN"))
                .map(ExplanationBuilder::line).toList();
        return new Explanation(decision.applicationId(), decision.outcome(), decision.ruleSetVersion(), decision.assessedOn(),
                themes, nearMisses, gaps, search.suggestions(), search.note(), search.variantsTried(), search.millis());
    }

    private static boolean counted(ReasonView r) {
        return (r.effect() == Effect.POINTS && r.points() > 0 && r.rating() != FinancialBand.RED && r.rating() != FinancialBand.AMBER)
                || (r.effect() == Effect.NOTE && r.rating() == null && !r.code().startsWith("I11-"));
    }

    private static boolean against(ReasonView r) {
        return r.effect() == Effect.HARD_STOP || r.effect() == Effect.CONDITION
                || r.rating() == FinancialBand.RED || r.rating() == FinancialBand.AMBER
                || (r.effect() == Effect.POINTS && r.points() < 0);
    }

    private static String verdict(Theme theme, List<ReasonView> reasons, DecisionView decision) {
        if (theme == Theme.FINANCIAL) {
            return String.valueOf(decision.financialBand());
        }
        if (theme == Theme.ELIGIBILITY) {
            return reasons.stream().anyMatch(r -> r.effect() == Effect.HARD_STOP) ? "NOT_ELIGIBLE"
                    : reasons.stream().anyMatch(r -> r.effect() == Effect.CONDITION) ? "ELIGIBLE_WITH_CONDITIONS" : "ELIGIBLE";
        }
        if (theme == Theme.DECISION) {
            return String.valueOf(decision.outcome());
        }
        return theme.isSocialValue() ? "IMPACT_" + decision.impactBand() : "SCORED";
    }

    private static Explanation.Line line(ReasonView r) {
        return new Explanation.Line(r.code(), r.text(), r.applicantText(), r.points());
    }
}

package org.blended.service.explanation;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.blended.rules.assessment.Effect;
import org.blended.rules.assessment.FinancialBand;
import org.blended.rules.assessment.Outcome;
import org.blended.rules.assessment.Theme;
import org.blended.service.decision.DecisionView;
import org.blended.service.decision.ReasonView;

/**
 * What an applicant reads: the outcome in plain words; for a decline its main reason, for an
 * approval with conditions the conditions (once, not again among the themes); the social value
 * they evidenced first, then each theme, what was missing, near misses and what would change the
 * outcome. Only the applicant sentences the rules produced, never codes.
 */
record ApplicantAssessment(String organisation, String outcome, String outcomeExplained, String primaryReason,
                           List<String> conditions, List<ThemeSection> themes, List<String> nearMisses,
                           List<String> evidenceGaps, List<Option> options, String searchNote) {

    /** A theme's lines; {@code plain} when they are said, not weighed (our decision itself), so not "in your favour". */
    public record ThemeSection(String title, boolean plain, List<String> counted, List<String> against) {
    }

    public record Option(List<String> changes, String reaches) {
    }

    static ApplicantAssessment of(String organisation, Explanation e, DecisionView decision) {
        List<ReasonView> conditions = e.outcome() == Outcome.APPROVE_WITH_CONDITIONS
                ? decision.reasons().stream().filter(r -> r.effect() == Effect.CONDITION && readable(r)).toList()
                : List.of();
        Set<String> listedAbove = conditions.stream().map(ReasonView::code).collect(Collectors.toSet());
        List<ThemeSection> themes = e.themes().stream()
                .map(t -> new ThemeSection(title(t.theme()), t.theme() == Theme.DECISION,
                        sentences(t.counted().stream()),
                        sentences(t.against().stream().filter(l -> !listedAbove.contains(l.code())))))
                .filter(t -> !t.counted().isEmpty() || !t.against().isEmpty())
                .toList();
        return new ApplicantAssessment(organisation, headline(e.outcome()), explained(e.outcome()),
                e.outcome() == Outcome.DECLINE ? primaryReason(decision.reasons()) : null,
                conditions.stream().map(ReasonView::applicantText).distinct().toList(), themes,
                e.nearMisses().stream().map(Explanation.NearMiss::applicantText).toList(),
                sentences(e.evidenceGaps().stream()),
                e.suggestions().stream().map(s -> new Option(s.changes().stream().map(Change.View::sentence).toList(),
                        headline(s.reaches()))).toList(),
                e.suggestions().isEmpty() ? e.searchNote() : null);
    }

    /** A hard stop decides a decline on its own; without one, the line that took the most away. */
    private static String primaryReason(List<ReasonView> reasons) {
        Comparator<ReasonView> worstFirst = Comparator.comparing((ReasonView r) -> r.effect() != Effect.HARD_STOP)
                .thenComparingInt(ReasonView::points)
                .thenComparing(r -> r.rating() != FinancialBand.RED);
        return reasons.stream().filter(ApplicantAssessment::readable)
                .filter(r -> r.effect() == Effect.HARD_STOP || (r.effect() == Effect.POINTS && r.points() < 0)
                        || r.rating() == FinancialBand.RED || r.rating() == FinancialBand.AMBER)
                .min(worstFirst).map(ReasonView::applicantText).orElse(null);
    }

    private static boolean readable(ReasonView r) {
        return r.applicantText() != null && !r.applicantText().isBlank();
    }

    private static List<String> sentences(Stream<Explanation.Line> lines) {
        return lines.map(Explanation.Line::applicantText).filter(t -> t != null && !t.isBlank()).distinct().toList();
    }

    private static String title(Theme theme) {
        return switch (theme) {
            case ELIGIBILITY -> "Whether we can lend to you";
            case FINANCIAL -> "Your finances";
            case GOVERNANCE -> "How you are run";
            case IMPACT_WHAT -> "What changes because of your work";
            case IMPACT_WHO -> "Who benefits";
            case IMPACT_HOW_MUCH -> "How much difference you make";
            case LOCAL_ECONOMY -> "Your local economy";
            case FAIR_WORK -> "Fair work";
            case ENVIRONMENT -> "The environment";
            case CONTRIBUTION -> "What our loan adds";
            case IMPACT_RISK -> "Risks to your impact";
            case EVIDENCE -> "Your evidence";
            case STAKEHOLDERS -> "The voice of the people you serve";
            case DECISION -> "Our decision";
        };
    }

    static String headline(Outcome outcome) {
        return switch (outcome) {
            case APPROVE -> "Approved";
            case APPROVE_WITH_CONDITIONS -> "Approved, with conditions";
            case REFER -> "Referred to a lending officer";
            case DECLINE -> "Not approved this time";
        };
    }

    static String explained(Outcome outcome) {
        return switch (outcome) {
            case APPROVE -> "Your application meets what we look for, both in the difference you make and in your finances.";
            case APPROVE_WITH_CONDITIONS -> "We can lend, once the conditions listed here are met.";
            case REFER -> "A lending officer will look at your application in person and contact you.";
            case DECLINE -> "We cannot lend at the moment. Below is what counted and what would help.";
        };
    }
}

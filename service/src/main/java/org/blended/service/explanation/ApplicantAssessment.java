package org.blended.service.explanation;

import java.util.List;

import org.blended.rules.assessment.Effect;
import org.blended.rules.assessment.FinancialBand;
import org.blended.rules.assessment.Outcome;
import org.blended.service.assessment.DecisionView;
import org.blended.service.assessment.ReasonView;

/**
 * What an applicant reads: the outcome in plain words, what counted for them first, then what
 * to work on. Only the applicant sentences the rules produced, never codes.
 */
public record ApplicantAssessment(String organisation, String outcome, String outcomeExplained,
                                  List<String> counted, List<String> toWorkOn, List<String> notes) {

    static ApplicantAssessment of(String organisation, DecisionView decision) {
        List<ReasonView> reasons = decision.reasons();
        return new ApplicantAssessment(organisation, headline(decision.outcome()), explained(decision.outcome()),
                sentences(reasons.stream().filter(r -> r.effect() == Effect.POINTS && r.points() > 0
                        && r.rating() != FinancialBand.RED && r.rating() != FinancialBand.AMBER).toList()),
                sentences(reasons.stream().filter(r -> r.effect() == Effect.HARD_STOP || r.effect() == Effect.CONDITION
                        || r.rating() == FinancialBand.RED || r.rating() == FinancialBand.AMBER
                        || (r.effect() == Effect.POINTS && r.points() <= 0)).toList()),
                sentences(reasons.stream().filter(r -> r.effect() == Effect.NOTE).toList()));
    }

    private static List<String> sentences(List<ReasonView> reasons) {
        return reasons.stream().map(ReasonView::applicantText).filter(t -> t != null && !t.isBlank()).distinct().toList();
    }

    private static String headline(Outcome outcome) {
        return switch (outcome) {
            case APPROVE -> "Approved";
            case APPROVE_WITH_CONDITIONS -> "Approved, with conditions";
            case REFER -> "Referred to a lending officer";
            case DECLINE -> "Not approved this time";
        };
    }

    private static String explained(Outcome outcome) {
        return switch (outcome) {
            case APPROVE -> "Your application meets what we look for, both in the difference you make and in your finances.";
            case APPROVE_WITH_CONDITIONS -> "We can lend, once the conditions below are met.";
            case REFER -> "A lending officer will look at your application in person and contact you.";
            case DECLINE -> "We cannot lend at the moment. Below is what counted and what would help.";
        };
    }
}

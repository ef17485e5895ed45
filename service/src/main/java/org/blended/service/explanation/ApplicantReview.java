package org.blended.service.explanation;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.blended.service.review.cases.ReviewCase;
import org.blended.service.review.settlement.FinalDecision;

/**
 * What the applicant reads about a person's review: whether they may ask for one, that their
 * request was received and by when it will be answered, and the person's final decision.
 */
record ApplicantReview(boolean mayRequest, String requestedOn, String answerBy, String decidedOn, String finalOutcome,
                       String finalExplained, List<String> conditions, boolean referred) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    static ApplicantReview of(Optional<ReviewCase> reviewCase, Optional<FinalDecision> decided, ZoneId zone,
                              boolean referred) {
        if (decided.isPresent()) {
            FinalDecision d = decided.get();
            return new ApplicantReview(false, reviewCase.map(ReviewCase::requestedAt).map(at -> day(at, zone)).orElse(null),
                    null, day(d.decidedAt(), zone), ApplicantAssessment.headline(d.outcome()), explained(d), d.conditions(),
                    referred);
        }
        ReviewCase c = reviewCase.orElse(null);
        if (c != null && c.requestedAt() != null) {
            return new ApplicantReview(false, day(c.requestedAt(), zone), day(c.requestDueAt(), zone), null, null, null,
                    List.of(), referred);
        }
        return new ApplicantReview(true, null, c == null ? null : day(c.decideBy(), zone), null, null, null, List.of(), referred);
    }

    private static String explained(FinalDecision d) {
        return switch (d.outcome()) {
            case APPROVE -> "A lending officer looked at your application in person and approved it.";
            case APPROVE_WITH_CONDITIONS -> "A lending officer looked at your application in person and approved it, "
                    + "once the conditions below are met.";
            default -> "A lending officer looked at your application in person and cannot approve it at the moment. "
                    + "Your lender can tell you more and talk it through with you.";
        };
    }

    private static String day(Instant at, ZoneId zone) {
        return at == null ? null : DAY.format(at.atZone(zone));
    }
}

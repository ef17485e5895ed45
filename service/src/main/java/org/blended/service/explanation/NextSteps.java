package org.blended.service.explanation;

import java.util.Optional;

import org.blended.rules.assessment.Outcome;
import org.blended.service.lender.Lender;

/**
 * What happens next, in the lender's own name: what they will do, how to reach them and how soon
 * they answer, from the lender's profile. A lender without a profile is named without details.
 */
record NextSteps(String lender, String whatHappens, String email, String phone, String timescale) {

    static NextSteps of(Optional<Lender> found, Outcome outcome) {
        String name = found.map(Lender::getName).orElse("your lender");
        Integer days = found.map(Lender::getResponseWorkingDays).orElse(null);
        return new NextSteps(name, whatHappens(outcome, name),
                found.map(Lender::getContactEmail).orElse(null), found.map(Lender::getContactPhone).orElse(null),
                days == null ? null : name + " aims to answer within " + days + (days == 1 ? " working day." : " working days."));
    }

    private static String whatHappens(Outcome outcome, String lender) {
        return switch (outcome) {
            case APPROVE -> lender + " will contact you to agree the loan and when the money is paid.";
            case APPROVE_WITH_CONDITIONS -> lender + " will contact you about meeting the conditions, then to agree the loan.";
            case REFER -> "A lending officer at " + lender + " will look at your application in person and tell you "
                    + "their decision.";
            case DECLINE -> "If you would like to talk about this decision, or about applying again later, contact "
                    + lender + ". You can also ask for a person to review the decision.";
        };
    }
}

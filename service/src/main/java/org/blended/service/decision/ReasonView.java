package org.blended.service.decision;

import org.blended.rules.assessment.Effect;
import org.blended.rules.assessment.FinancialBand;
import org.blended.rules.assessment.Theme;

/** A reason as the API shows it. */
public record ReasonView(String code, String criterion, Theme theme, Effect effect, int points,
                         FinancialBand rating, String text, String applicantText, String rule,
                         Double figure, Double threshold) {

    static ReasonView of(DecisionReason r) {
        return new ReasonView(r.getCode(), r.getCriterion(), r.getTheme(), r.getEffect(), r.getPoints(),
                r.getRating(), r.getText(), r.getApplicantText(), r.getRule(), r.getFigure(), r.getThreshold());
    }
}

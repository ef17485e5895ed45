package org.blended.service.decision;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.blended.rules.assessment.Effect;
import org.blended.rules.assessment.FinancialBand;
import org.blended.rules.assessment.Reason;
import org.blended.rules.assessment.Theme;

/** One reason of a stored decision, exactly as the rule that fired produced it. */
@Embeddable
public class DecisionReason {

    private String code;
    private String criterion;

    @Enumerated(EnumType.STRING)
    private Theme theme;

    @Enumerated(EnumType.STRING)
    private Effect effect;

    private int points;

    @Enumerated(EnumType.STRING)
    private FinancialBand rating;

    @Column(columnDefinition = "text")
    private String text;

    @Column(columnDefinition = "text")
    private String applicantText;

    @Column(name = "rule_name")
    private String rule;

    private Double figure;

    private Double threshold;

    protected DecisionReason() {
    }

    static DecisionReason of(Reason reason) {
        DecisionReason stored = new DecisionReason();
        stored.code = reason.getCode();
        stored.criterion = reason.getCriterion();
        stored.theme = reason.getTheme();
        stored.effect = reason.getEffect();
        stored.points = reason.getPoints();
        stored.rating = reason.getRating();
        stored.text = reason.getText();
        stored.applicantText = reason.getApplicantText();
        stored.rule = reason.getRule();
        stored.figure = reason.getFigure();
        stored.threshold = reason.getThreshold();
        return stored;
    }

    public String getCode() { return code; }
    public String getCriterion() { return criterion; }
    public Theme getTheme() { return theme; }
    public Effect getEffect() { return effect; }
    public int getPoints() { return points; }
    public FinancialBand getRating() { return rating; }
    public String getText() { return text; }
    public String getApplicantText() { return applicantText; }
    public String getRule() { return rule; }
    public Double getFigure() { return figure; }
    public Double getThreshold() { return threshold; }
}

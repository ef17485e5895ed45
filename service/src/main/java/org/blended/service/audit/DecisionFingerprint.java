package org.blended.service.audit;

import java.util.Map;
import java.util.TreeMap;

import org.blended.service.decision.Decision;
import org.blended.service.decision.DecisionReason;
import org.blended.service.decision.FingerprintText;

/**
 * The SHA-256 of a decision's content, its inputs (the stored application payload) and the
 * previous decision's hash. Every field is written with its length first, so no two different
 * decisions can produce the same text.
 */
final class DecisionFingerprint {

    private DecisionFingerprint() {
    }

    static String of(Decision d, String applicationPayload) {
        FingerprintText text = new FingerprintText();
        text.field(d.getSequence());
        text.field(d.getPreviousHash());
        text.field(d.getApplicationId());
        text.field(d.getLenderId());
        text.field(d.getOutcome());
        text.field(d.getRuleSetVersion());
        text.field(d.getFinancialBand());
        text.field(d.getImpactBand());
        text.field(d.getFinancialScore());
        text.field(d.getSocialValueScore());
        text.field(d.getAssessedOn());
        text.field(d.getDecidedAt() == null ? null : d.getDecidedAt().toEpochMilli() * 1000
                + d.getDecidedAt().getNano() / 1000 % 1000);
        text.field(d.getEvaluationMicros());
        Map<String, Integer> scores = new TreeMap<>();
        d.getScores().forEach((theme, points) -> scores.put(theme.name(), points));
        text.field(scores.size());
        scores.forEach((theme, points) -> {
            text.field(theme);
            text.field(points);
        });
        text.field(d.getReasons().size());
        for (DecisionReason r : d.getReasons()) {
            text.field(r.getCode());
            text.field(r.getCriterion());
            text.field(r.getTheme());
            text.field(r.getEffect());
            text.field(r.getPoints());
            text.field(r.getRating());
            text.field(r.getText());
            text.field(r.getApplicantText());
            text.field(r.getRule());
            // Added later: appended only when present, so earlier decisions' hashes still hold.
            if (r.getFigure() != null || r.getThreshold() != null) {
                text.field(r.getFigure());
                text.field(r.getThreshold());
            }
        }
        text.field(applicationPayload);
        // Added after the first decisions were chained: appended only when present, so their hashes still hold.
        if (d.getSocialValueGbp() != null) {
            text.field(d.getSocialValueGbp().toPlainString());
            text.field(d.getSocialValuePerPound() == null ? null : d.getSocialValuePerPound().toPlainString());
        }
        return text.sha256();
    }
}

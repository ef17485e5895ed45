package org.blended.service.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import org.blended.service.decision.Decision;
import org.blended.service.decision.DecisionReason;

/**
 * The SHA-256 of a decision's content, its inputs (the stored application payload) and the
 * previous decision's hash. Every field is written with its length first, so no two different
 * decisions can produce the same text.
 */
final class DecisionFingerprint {

    private DecisionFingerprint() {
    }

    static String of(Decision d, String applicationPayload) {
        StringBuilder text = new StringBuilder();
        field(text, d.getSequence());
        field(text, d.getPreviousHash());
        field(text, d.getApplicationId());
        field(text, d.getLenderId());
        field(text, d.getOutcome());
        field(text, d.getRuleSetVersion());
        field(text, d.getFinancialBand());
        field(text, d.getImpactBand());
        field(text, d.getFinancialScore());
        field(text, d.getSocialValueScore());
        field(text, d.getAssessedOn());
        field(text, d.getDecidedAt() == null ? null : d.getDecidedAt().toEpochMilli() * 1000
                + d.getDecidedAt().getNano() / 1000 % 1000);
        field(text, d.getEvaluationMicros());
        Map<String, Integer> scores = new TreeMap<>();
        d.getScores().forEach((theme, points) -> scores.put(theme.name(), points));
        field(text, scores.size());
        scores.forEach((theme, points) -> {
            field(text, theme);
            field(text, points);
        });
        field(text, d.getReasons().size());
        for (DecisionReason r : d.getReasons()) {
            field(text, r.getCode());
            field(text, r.getCriterion());
            field(text, r.getTheme());
            field(text, r.getEffect());
            field(text, r.getPoints());
            field(text, r.getRating());
            field(text, r.getText());
            field(text, r.getApplicantText());
            field(text, r.getRule());
            // Added later: appended only when present, so earlier decisions' hashes still hold.
            if (r.getFigure() != null || r.getThreshold() != null) {
                field(text, r.getFigure());
                field(text, r.getThreshold());
            }
        }
        field(text, applicationPayload);
        // Added after the first decisions were chained: appended only when present, so their hashes still hold.
        if (d.getSocialValueGbp() != null) {
            field(text, d.getSocialValueGbp().toPlainString());
            field(text, d.getSocialValuePerPound() == null ? null : d.getSocialValuePerPound().toPlainString());
        }
        return sha256(text.toString());
    }

    private static void field(StringBuilder text, Object value) {
        String s = value == null ? "" : value.toString();
        text.append(value == null ? -1 : s.length()).append(':').append(s).append(';');
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

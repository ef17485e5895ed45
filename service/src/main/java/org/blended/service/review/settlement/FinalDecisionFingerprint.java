package org.blended.service.review.settlement;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * The SHA-256 of a final decision's content, the automated decision's own hash (so the pair is
 * sealed together) and the previous final decision's hash. Each field is written with its length
 * first, so no two different decisions produce the same text.
 */
final class FinalDecisionFingerprint {

    private FinalDecisionFingerprint() {
    }

    static String of(FinalDecision d, String automatedHash) {
        StringBuilder text = new StringBuilder();
        field(text, d.sequence());
        field(text, d.previousHash());
        field(text, d.id());
        field(text, d.caseId());
        field(text, d.decisionId());
        field(text, automatedHash);
        field(text, d.applicationId());
        field(text, d.lenderId());
        field(text, d.automatedOutcome());
        field(text, d.ruleSetVersion());
        field(text, d.outcome());
        list(text, d.conditions());
        list(text, d.criteria());
        field(text, d.rationale());
        field(text, d.overrideReason());
        field(text, d.direction());
        field(text, d.decidedBy());
        field(text, d.approvedBy());
        field(text, micros(d.caseOpenedAt()));
        field(text, micros(d.decidedAt()));
        return sha256(text.toString());
    }

    private static Long micros(Instant at) {
        return at == null ? null : at.getEpochSecond() * 1_000_000 + at.getNano() / 1000;
    }

    private static void list(StringBuilder text, List<String> values) {
        field(text, values.size());
        values.forEach(v -> field(text, v));
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

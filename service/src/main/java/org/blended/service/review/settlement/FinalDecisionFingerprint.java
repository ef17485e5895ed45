package org.blended.service.review.settlement;

import java.time.Instant;
import java.util.List;

import org.blended.service.decision.FingerprintText;

/**
 * The SHA-256 of a final decision's content, the automated decision's own hash (so the pair is
 * sealed together) and the previous final decision's hash. Each field is written with its length
 * first, so no two different decisions produce the same text.
 */
final class FinalDecisionFingerprint {

    private FinalDecisionFingerprint() {
    }

    static String of(FinalDecision d, String automatedHash) {
        FingerprintText text = new FingerprintText();
        text.field(d.sequence());
        text.field(d.previousHash());
        text.field(d.id());
        text.field(d.caseId());
        text.field(d.decisionId());
        text.field(automatedHash);
        text.field(d.applicationId());
        text.field(d.lenderId());
        text.field(d.automatedOutcome());
        text.field(d.ruleSetVersion());
        text.field(d.outcome());
        list(text, d.conditions());
        list(text, d.criteria());
        text.field(d.rationale());
        text.field(d.overrideReason());
        text.field(d.direction());
        text.field(d.decidedBy());
        text.field(d.approvedBy());
        text.field(micros(d.caseOpenedAt()));
        text.field(micros(d.decidedAt()));
        return text.sha256();
    }

    private static Long micros(Instant at) {
        return at == null ? null : at.getEpochSecond() * 1_000_000 + at.getNano() / 1000;
    }

    private static void list(FingerprintText text, List<String> values) {
        text.field(values.size());
        values.forEach(text::field);
    }
}

package org.blended.service.review.settlement;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.blended.rules.assessment.Outcome;

/** A person's final decision, stored beside the automated one it settles, immutable and chained. */
public record FinalDecision(UUID id, UUID caseId, UUID decisionId, UUID applicationId, UUID lenderId,
                            Outcome automatedOutcome, String ruleSetVersion, Outcome outcome, List<String> conditions,
                            List<String> criteria, String rationale, String overrideReason, Direction direction,
                            String decidedBy, String approvedBy, Instant caseOpenedAt, Instant decidedAt,
                            long sequence, String previousHash, String hash) {

    public boolean overrides() {
        return outcome != automatedOutcome;
    }
}

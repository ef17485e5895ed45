package org.blended.service.review.settlement;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.blended.rules.assessment.Outcome;

/** A final decision waiting for a senior officer's approval, or what became of it. */
public record Proposal(UUID id, UUID caseId, Outcome outcome, List<String> conditions, List<String> criteria,
                       String rationale, String overrideReason, Direction direction, String proposedBy,
                       Instant proposedAt, String settled, String settledBy, Instant settledAt, String settleNote) {

    public boolean pending() {
        return settled == null;
    }
}

package org.blended.service.review.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A review case as stored: the decision it reviews, why and when it was opened, who has it, and its state. */
public record ReviewCase(UUID id, UUID decisionId, UUID applicationId, UUID lenderId, OpenedBecause openedBecause,
                         String openedBy, Instant openedAt, Instant dueAt, CaseState state, String assignedTo,
                         Instant assignedAt, Instant requestedAt, String requestText, Instant requestDueAt,
                         Instant decidedAt, long version) {

    public Duration age(Instant now) {
        return Duration.between(openedAt, decidedAt == null ? now : decidedAt);
    }

    /** When the case must be decided by: the earlier of the target and a review the applicant asked for. */
    public Instant decideBy() {
        return requestDueAt != null && requestDueAt.isBefore(dueAt) ? requestDueAt : dueAt;
    }

    public boolean overdue(Instant now) {
        return state != CaseState.DECIDED && now.isAfter(decideBy());
    }
}

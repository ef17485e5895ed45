package org.blended.integration.submission;

import java.util.UUID;

/**
 * A valid submission that the rule set could not assess: it fired too many rules, took too long,
 * failed or reached no outcome. The refusal is recorded as a rejection with its reason. The fault
 * is on the service's side, not the sender's: sent again once the rule set is put right, it is
 * assessed (nothing was decided under its reference).
 */
public class NotAssessedException extends RuntimeException {

    private final UUID rejectionId;

    public NotAssessedException(String reason, UUID rejectionId) {
        super(reason);
        this.rejectionId = rejectionId;
    }

    /** The id under which the refusal was recorded. */
    public UUID getRejectionId() {
        return rejectionId;
    }
}

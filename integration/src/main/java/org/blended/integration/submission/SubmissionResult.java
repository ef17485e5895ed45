package org.blended.integration.submission;

import java.util.UUID;

import org.blended.rules.assessment.Outcome;

/**
 * What became of one of several submissions stored together: decided (now, or before under the
 * same reference), or refused and recorded as a rejection.
 */
public record SubmissionResult(UUID applicationId, Outcome outcome, boolean alreadyDecided, UUID rejectionId,
                               String refusal) {

    public static SubmissionResult decided(UUID applicationId, Outcome outcome, boolean alreadyDecided) {
        return new SubmissionResult(applicationId, outcome, alreadyDecided, null, null);
    }

    public static SubmissionResult refused(UUID rejectionId, String refusal) {
        return new SubmissionResult(null, null, false, rejectionId, refusal);
    }

    public boolean isDecided() {
        return applicationId != null;
    }
}

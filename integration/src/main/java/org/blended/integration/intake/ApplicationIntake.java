package org.blended.integration.intake;

/**
 * Reads, assesses and stores one submission; every channel's route ends here. A submission that
 * cannot be read is recorded as a rejection and answered with {@link InvalidSubmissionException}.
 */
public interface ApplicationIntake {

    IntakeResult submit(Submission submission);
}

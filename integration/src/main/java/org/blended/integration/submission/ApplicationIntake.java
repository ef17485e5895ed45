package org.blended.integration.submission;

/**
 * Reads, assesses and stores one submission; every channel's route ends here. A submission that
 * cannot be read is recorded as a rejection and answered with {@link InvalidSubmissionException};
 * one the rule set cannot assess, with {@link NotAssessedException}.
 */
public interface ApplicationIntake {

    IntakeResult submit(Submission submission);

    /**
     * Reads, assesses and stores submissions of one lender together, in one transaction; a
     * refused one is recorded and reported, and does not stop the others.
     *
     * @return one result per submission, in the same order
     */
    java.util.List<SubmissionResult> submitAll(java.util.List<Submission> submissions);

    /**
     * Records a submission refused before it could be read (an empty file), so that it is not lost.
     *
     * @return the same refusal, naming the record, to answer with
     */
    InvalidSubmissionException refuse(Submission submission, InvalidSubmissionException reason);
}

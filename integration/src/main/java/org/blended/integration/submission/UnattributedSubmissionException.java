package org.blended.integration.submission;

/** A submission that no known lender can be established for; it is refused, never guessed. */
public class UnattributedSubmissionException extends RuntimeException {

    public UnattributedSubmissionException(String message) {
        super(message);
    }
}

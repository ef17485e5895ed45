package org.blended.integration.submission;

/**
 * The submission could not be stored for a reason that will pass (the database is unreachable,
 * a lock timed out). It is retried with back-off and never dead-lettered or recorded as refused.
 */
public class TransientIntakeException extends RuntimeException {

    public TransientIntakeException(String message, Throwable cause) {
        super(message, cause);
    }
}

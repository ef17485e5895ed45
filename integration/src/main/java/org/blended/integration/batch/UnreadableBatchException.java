package org.blended.integration.batch;

/**
 * The batch as a whole cannot be read on from here: its JSON is broken, its CSV header names a
 * field an application does not have. Rows before the fault keep their decisions.
 */
public class UnreadableBatchException extends RuntimeException {

    public UnreadableBatchException(String message) {
        super(message);
    }

    public UnreadableBatchException(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.blended.integration.batch;

/** Another instance holds the batch's lease and is working on it; this one leaves it alone. */
public class BatchBusyException extends RuntimeException {

    public BatchBusyException(String message) {
        super(message);
    }
}

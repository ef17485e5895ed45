package org.blended.integration.batch;

import org.blended.integration.submission.StorableText;

/**
 * The batch as a whole cannot be read on from here: its JSON is broken, its CSV header names a
 * field an application does not have. Rows before the fault keep their decisions. The message is
 * kept with the batch and shown to the lender, so it may quote the file but is made storable.
 */
public class UnreadableBatchException extends RuntimeException {

    UnreadableBatchException(String message) {
        super(StorableText.of(message));
    }

    UnreadableBatchException(String message, Throwable cause) {
        super(StorableText.of(message), cause);
    }
}

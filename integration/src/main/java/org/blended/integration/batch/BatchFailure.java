package org.blended.integration.batch;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Why a batch failed, as kept with it and shown to the lender: what is wrong with the file, or
 * for a failure of ours only a reference to the log, never what failed inside (SQL, class names).
 */
final class BatchFailure {

    private static final Logger log = LoggerFactory.getLogger(BatchFailure.class);

    private BatchFailure() {
    }

    static String reason(UUID batchId, Throwable failure) {
        if (failure instanceof UnreadableBatchException unreadable) {
            return unreadable.getMessage();
        }
        String reference = UUID.randomUUID().toString();
        log.error("Batch {} failed (reference {})", batchId, reference, failure);
        return "an error on our side (reference " + reference + "); rows before it keep their decisions";
    }
}

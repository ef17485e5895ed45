package org.blended.integration.batch;

import java.util.UUID;

/**
 * Where the batch route hands its chunks. Progress lives in the database with the decisions it
 * counts, so any instance can report it and a batch interrupted by a restart resumes after the
 * last chunk it committed.
 */
public interface BatchIntake {

    /** What {@link #open} answers for a batch finished before (the same file dropped again): read past all of it. */
    int FINISHED = Integer.MAX_VALUE;

    /**
     * Starts the batch with this id, or finds it again when an earlier run was interrupted.
     *
     * @return how many rows earlier runs already handled, to be read past
     */
    int open(BatchStart start);

    /** Assesses and stores the chunk's applications, records its refused rows, and counts them: one transaction. */
    void submitChunk(BatchChunk chunk);

    void finish(UUID batchId, int totalRows);

    void fail(UUID batchId, int rowsRead, String reason);

    /**
     * This instance stops working on the batch, finished or not (a transient failure leaves it
     * running, to be resumed): it no longer renews its claim, so the batch is free a lease later.
     */
    void leave(UUID batchId);
}

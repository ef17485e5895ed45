package org.blended.integration.batch;

import java.util.List;
import java.util.UUID;

import org.blended.integration.submission.Channel;
import org.blended.integration.submission.Submission;

/** Consecutive rows of one batch, stored together in one transaction. */
public record BatchChunk(UUID batchId, UUID lenderId, Channel channel, String source, List<BatchRow> rows,
                         long bytesRead) {

    /** The last row of the chunk: once it is stored, a resumed batch starts after it. */
    public int lastRow() {
        return rows.get(rows.size() - 1).row();
    }

    public Submission submission(BatchRow row) {
        return new Submission(row.payload(), channel, source + "#" + row.row(), lenderId, batchId, row.row());
    }
}

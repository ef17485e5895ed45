package org.blended.integration.batch;

import java.util.List;

import org.blended.integration.submission.InvalidField;

/**
 * One application of a batch as read from the file: its JSON bytes, or, when the row could not
 * even be turned into JSON (a CSV row with the wrong number of cells), why not.
 *
 * @param row the application's position in the batch, counting from 1 (the CSV header is not a row)
 */
public record BatchRow(int row, byte[] payload, List<InvalidField> unreadable) {

    static BatchRow of(int row, byte[] payload) {
        return new BatchRow(row, payload, List.of());
    }

    static BatchRow unreadable(int row, byte[] payload, InvalidField problem) {
        return new BatchRow(row, payload, List.of(problem));
    }

    boolean readable() {
        return unreadable.isEmpty();
    }
}

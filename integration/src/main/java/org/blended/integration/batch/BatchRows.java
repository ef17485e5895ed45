package org.blended.integration.batch;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The applications of a batch, read one chunk at a time from a stream so that a file of any size
 * is never held in memory whole. Rows up to {@code skip} were handled by an earlier, interrupted
 * run of the same batch and are read past, not returned.
 */
public final class BatchRows implements Iterator<List<BatchRow>>, Closeable {

    private final Iterator<BatchRow> rows;
    private final Closeable source;
    private final int chunkSize;
    private int rowsRead;

    private BatchRows(Iterator<BatchRow> rows, Closeable source, int chunkSize, int skip) {
        this.rows = rows;
        this.source = source;
        this.chunkSize = chunkSize;
        while (rowsRead < skip && rows.hasNext()) {
            rows.next();
            rowsRead++;
        }
    }

    public static BatchRows read(InputStream in, BatchFormat format, ObjectMapper json, int chunkSize, int skip)
            throws IOException {
        Iterator<BatchRow> rows = switch (format) {
            case JSON -> new JsonArrayRows(in, json);
            case CSV -> new CsvRows(in, json);
        };
        return new BatchRows(rows, in, chunkSize, skip);
    }

    @Override
    public boolean hasNext() {
        return rows.hasNext();
    }

    @Override
    public List<BatchRow> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        List<BatchRow> chunk = new ArrayList<>(chunkSize);
        while (chunk.size() < chunkSize && rows.hasNext()) {
            chunk.add(rows.next());
            rowsRead++;
        }
        return chunk;
    }

    /** Rows read so far, including those skipped; the batch's total once {@link #hasNext()} is false. */
    public int rowsRead() {
        return rowsRead;
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}

package org.blended.integration.batch;

import java.io.Closeable;
import java.io.FilterInputStream;
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
final class BatchRows implements Iterator<List<BatchRow>>, Closeable {

    private final Iterator<BatchRow> rows;
    private final Counting source;
    private final int chunkSize;
    private int rowsRead;

    private BatchRows(Iterator<BatchRow> rows, Counting source, int chunkSize, int skip) {
        this.rows = rows;
        this.source = source;
        this.chunkSize = chunkSize;
        while (rowsRead < skip && rows.hasNext()) {
            rows.next();
            rowsRead++;
        }
    }

    static BatchRows read(InputStream in, BatchFormat format, ObjectMapper json, int chunkSize, int skip)
            throws IOException {
        Counting counted = new Counting(in);
        Iterator<BatchRow> rows = switch (format) {
            case JSON -> new JsonArrayRows(counted, json);
            case CSV -> new CsvRows(counted, json);
        };
        return new BatchRows(rows, counted, chunkSize, skip);
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
    int rowsRead() {
        return rowsRead;
    }

    /** Bytes of the file read so far (the parser reads a little ahead): for progress while the total is unknown. */
    long bytesRead() {
        return source.count;
    }

    @Override
    public void close() throws IOException {
        source.close();
    }

    private static final class Counting extends FilterInputStream {
        private long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count += Math.max(n, 0);
            return n;
        }
    }
}

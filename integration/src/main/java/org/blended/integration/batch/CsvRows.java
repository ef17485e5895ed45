package org.blended.integration.batch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import org.blended.integration.submission.InvalidField;

/** CSV rows after the header row, each turned into an application document by {@link CsvColumns}. */
final class CsvRows implements Iterator<BatchRow> {

    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .build();

    private final MappingIterator<String[]> lines;
    private final CsvColumns columns;
    private final ObjectMapper json;
    private int row;

    CsvRows(InputStream in, ObjectMapper json) throws IOException {
        this.json = json;
        this.lines = CSV.readerFor(String[].class).readValues(in);
        if (!lines.hasNextValue()) {
            throw new UnreadableBatchException("the CSV file is empty; it needs a header row naming the fields");
        }
        this.columns = CsvColumns.of(lines.nextValue(), json);
    }

    @Override
    public boolean hasNext() {
        try {
            return lines.hasNextValue();
        } catch (IOException e) {
            throw new UnreadableBatchException("the CSV file cannot be read after row " + row + ": " + CsvProblems.of(e), e);
        }
    }

    @Override
    public BatchRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        row++;
        String[] cells;
        try {
            cells = lines.nextValue();
        } catch (IOException e) {
            throw new UnreadableBatchException("the CSV file cannot be read at row " + row + ": " + CsvProblems.of(e), e);
        }
        byte[] raw = String.join(",", cells).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (cells.length != columns.size()) {
            return BatchRow.unreadable(row, raw, new InvalidField("$", "row " + row + " has " + cells.length
                    + " cells but the header names " + columns.size() + " columns"));
        }
        try {
            return BatchRow.of(row, json.writeValueAsBytes(columns.toJson(cells)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.blended.service.batch;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.blended.integration.batch.BatchResults;
import org.springframework.stereotype.Component;

/** A batch's results as CSV, a line written as each row is read (to a response, or beside a dropped file). */
@Component
class BatchResultsCsv implements BatchResults {

    static final String HEADER = "row,lenderReference,applicationId,outcome,rejection";

    private final BatchResultRows rows;

    BatchResultsCsv(BatchResultRows rows) {
        this.rows = rows;
    }

    @Override
    public void writeCsv(UUID batchId, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        writer.write(HEADER + "\n");
        try {
            rows.forEach(batchId, row -> {
                try {
                    writer.write(row.row() + "," + cell(row.lenderReference()) + "," + cell(row.applicationId()) + ","
                            + cell(row.outcome()) + "," + cell(row.rejection()) + "\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        writer.flush();
    }

    /**
     * Quoted when it holds a comma, quote or line break; text a spreadsheet would take for a
     * formula (=, +, -, @ first) gets a leading apostrophe, since references and reasons are the sender's text.
     */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}

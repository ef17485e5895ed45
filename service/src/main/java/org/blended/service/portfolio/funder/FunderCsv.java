package org.blended.service.portfolio.funder;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import org.blended.service.report.CsvCell;
import org.blended.service.report.ReportFilter;

/** The funder report as CSV (UTF-8, CRLF), written as rows come: header, a row per application, total, notes. */
final class FunderCsv implements FunderFormat {

    private Writer out;

    @Override
    public void begin(OutputStream stream, ReportFilter filter) throws IOException {
        out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
        line(FunderColumns.HEADER.stream().map(h -> (Object) h).toList());
    }

    @Override
    public void row(FunderRow row) throws IOException {
        line(FunderColumns.of(row));
    }

    @Override
    public void end(FunderTotals totals) throws IOException {
        line(FunderColumns.total(totals));
        line(List.of("notes", NOTES));
        out.flush();
    }

    private void line(List<Object> cells) throws IOException {
        out.write(cells.stream().map(FunderCsv::cell).collect(Collectors.joining(",")));
        out.write("\r\n");
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal money) {
            return money.toPlainString();
        }
        return value instanceof Number ? value.toString() : CsvCell.of(value.toString());
    }
}

package org.blended.service.portfolio.funder;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.blended.service.report.ReportFilter;

/**
 * The funder report as an xlsx workbook, streamed: SXSSF keeps a window of rows in memory and the
 * rest in a temporary file, deleted when the workbook is written. The workbook's created date is the
 * period's end, not the moment it was written, so its content is the same every time.
 */
final class FunderXlsx implements FunderFormat {

    private static final int WINDOW = 200;
    /** Excel's limit on a cell's text. */
    private static final int MAX_TEXT = 32_767;

    private OutputStream out;
    private SXSSFWorkbook workbook;
    private SXSSFSheet sheet;
    private CellStyle money;
    private CellStyle decimal;
    private int next;

    @Override
    public void begin(OutputStream stream, ReportFilter filter) {
        out = stream;
        workbook = new SXSSFWorkbook(WINDOW);
        workbook.setCompressTempFiles(true);
        workbook.getXSSFWorkbook().getProperties().getCoreProperties().setCreated(Optional.of(
                Date.from(filter.to().plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC))));
        sheet = workbook.createSheet("Approved applications");
        money = workbook.createCellStyle();
        money.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
        decimal = workbook.createCellStyle();
        decimal.setDataFormat(workbook.createDataFormat().getFormat("#,##0.##"));
        CellStyle bold = workbook.createCellStyle();
        Font font = workbook.createFont();
        font.setBold(true);
        bold.setFont(font);
        Row header = sheet.createRow(next++);
        for (int i = 0; i < FunderColumns.HEADER.size(); i++) {
            Cell cell = header.createCell(i);
            cell.setCellValue(FunderColumns.HEADER.get(i));
            cell.setCellStyle(bold);
        }
        sheet.createFreezePane(0, 1);
    }

    @Override
    public void row(FunderRow row) {
        write(FunderColumns.of(row));
    }

    @Override
    public void end(FunderTotals totals) throws IOException {
        write(FunderColumns.total(totals));
        Row notes = workbook.createSheet("Notes").createRow(0);
        notes.createCell(0).setCellValue(NOTES);
        try {
            workbook.write(out);
            out.flush();
        } finally {
            workbook.close(); // also deletes the temporary files
        }
    }

    private void write(List<Object> cells) {
        Row row = sheet.createRow(next++);
        for (int i = 0; i < cells.size(); i++) {
            Object value = cells.get(i);
            if (value == null) {
                continue;
            }
            Cell cell = row.createCell(i);
            if (value instanceof BigDecimal amount) {
                cell.setCellValue(amount.doubleValue());
                cell.setCellStyle(money);
            } else if (value instanceof Number number) {
                cell.setCellValue(number.doubleValue());
                cell.setCellStyle(decimal);
            } else {
                String text = value.toString();
                cell.setCellValue(text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT - 1) + "…" : text);
            }
        }
    }
}

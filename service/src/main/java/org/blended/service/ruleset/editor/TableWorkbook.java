package org.blended.service.ruleset.editor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.blended.service.ruleset.source.RuleSetFile;
import org.blended.service.ruleset.source.TableLayout;
import org.drools.decisiontable.parser.csv.CsvLineParser;

/**
 * A CSV decision table as a workbook Drools reads the same way: every row where it was, each cell as
 * text (so Drools reads back exactly what the CSV held), a run of object-type cells ending "..." as
 * the merged cells Excel has for it. For a spreadsheet user, the business header row is bold and the
 * code rows (and the other technical rows) grey.
 */
final class TableWorkbook {

    private static final Set<String> PLAIN = Set.of("the Notes row", "the RuleTable row");
    private static final int MOST_CHARACTERS_WIDE = 60;

    private TableWorkbook() {
    }

    static byte[] of(RuleSetFile csv) throws TableLayout.Unreadable {
        TableLayout layout = TableLayout.read(csv);
        Map<Integer, String> parts = new HashMap<>();
        layout.structure().forEach(part -> parts.put(part.row().number(), part.part()));
        String[] lines = new String(csv.content(), StandardCharsets.UTF_8).split("\\r\\n|\\r|\\n", -1);
        CsvLineParser parser = new CsvLineParser();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Decision table");
            CellStyle bold = style(workbook, true, false);
            CellStyle grey = style(workbook, false, true);
            int[] widths = new int[256];
            for (int n = 0; n < lines.length; n++) {
                if (lines[n].isEmpty()) {
                    continue;
                }
                List<String> cells = parser.parse(lines[n]);
                String part = parts.get(n + 1);
                CellStyle style = part == null || PLAIN.contains(part) ? null // rule rows and notes: the policy itself
                        : part.equals("the column-label row") ? bold : grey;
                Row row = sheet.createRow(n);
                int mergeStart = -1;
                for (int c = 0; c < cells.size(); c++) {
                    String value = cells.get(c);
                    if (value.endsWith("...")) { // Drools' CSV reader merges such a run; Excel says it with merged cells
                        mergeStart = mergeStart < 0 ? c : mergeStart;
                        value = row.getCell(mergeStart) != null && mergeStart != c ? row.getCell(mergeStart).getStringCellValue()
                                : value.substring(0, value.length() - 3);
                    } else if (mergeStart >= 0) {
                        merge(sheet, n, mergeStart, c - 1);
                        mergeStart = -1;
                    }
                    if (value.isEmpty() && style == null) {
                        continue;
                    }
                    var cell = row.createCell(c);
                    cell.setCellValue(value);
                    if (style != null) {
                        cell.setCellStyle(style);
                    }
                    if (c < widths.length) {
                        widths[c] = Math.max(widths[c], Math.min(MOST_CHARACTERS_WIDE, value.length() + 2));
                    }
                }
                if (mergeStart >= 0) {
                    merge(sheet, n, mergeStart, cells.size() - 1);
                }
            }
            for (int c = 0; c < widths.length; c++) {
                if (widths[c] > 0) {
                    sheet.setColumnWidth(c, Math.max(10, widths[c]) * 256);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void merge(Sheet sheet, int row, int from, int to) {
        if (to > from) {
            sheet.addMergedRegion(new CellRangeAddress(row, row, from, to));
        }
    }

    private static CellStyle style(XSSFWorkbook workbook, boolean bold, boolean grey) {
        Font font = workbook.createFont();
        font.setBold(bold);
        if (grey) {
            font.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
        }
        CellStyle style = workbook.createCellStyle();
        style.setFont(font);
        return style;
    }
}

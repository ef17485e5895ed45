package org.blended.service.ruleset.editor;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.blended.service.ruleset.editor.TableDocument.EditedRow;
import org.blended.service.ruleset.editor.TableDocument.Section;
import org.blended.service.ruleset.source.RuleSetFile;
import org.blended.service.ruleset.source.TableLayout;

/**
 * Writes edited rule rows back into their file and nothing else: every other line of a CSV stays
 * byte for byte (and so does an unchanged rule row), an .xlsx keeps its sheets, styles and code rows.
 * The cells a policy owner does not see come along from the stored row a row started from.
 */
final class TableWriter {

    private static final Pattern LINE = Pattern.compile("[^\\r\\n]*(\\r\\n|\\r|\\n|$)");

    private TableWriter() {
    }

    /** The file with each section's rule rows replaced by the edited ones (by section index). */
    static byte[] write(TableDocument document, Map<Integer, List<EditedRow>> edited) {
        return document.file().kind() == RuleSetFile.Kind.DECISION_TABLE_XLSX ? xlsx(document, edited) : csv(document, edited);
    }

    /** All cells of an edited row: the stored row's (or, for a new one, none) with the business columns set. */
    static List<String> cells(Section section, EditedRow row) {
        TableLayout.Table table = section.table();
        List<String> cells = new ArrayList<>(row.origin() >= 0 && row.origin() < table.ruleRows().size()
                ? table.ruleRows().get(row.origin()).cells() : List.of());
        for (int c = 0; c < section.columns().size(); c++) {
            int index = section.columns().get(c).index();
            while (cells.size() <= index) {
                cells.add("");
            }
            cells.set(index, row.values().get(c).strip());
        }
        return cells;
    }

    private static boolean unchanged(Section section, EditedRow row, List<String> cells) {
        if (row.origin() < 0 || row.origin() >= section.table().ruleRows().size()) {
            return false;
        }
        List<String> stored = section.table().ruleRows().get(row.origin()).cells();
        for (int c = 0; c < Math.max(stored.size(), cells.size()); c++) {
            String was = c < stored.size() ? stored.get(c).strip() : "";
            String now = c < cells.size() ? cells.get(c).strip() : "";
            if (!was.equals(now)) {
                return false;
            }
        }
        return true;
    }

    private static byte[] csv(TableDocument document, Map<Integer, List<EditedRow>> edited) {
        String text = new String(document.file().content(), StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(); // each with its line ending, as Drools reads a line per row
        Matcher m = LINE.matcher(text);
        while (m.find() && m.start() < text.length()) {
            lines.add(m.group());
        }
        String ending = lines.stream().map(TableWriter::ending).filter(e -> !e.isEmpty()).findFirst().orElse("\n");
        for (int s = document.sections().size() - 1; s >= 0; s--) { // from the last, so earlier line numbers hold
            Section section = document.sections().get(s);
            List<EditedRow> rows = edited.get(s);
            List<TableLayout.Row> stored = section.table().ruleRows();
            if (rows == null || stored.isEmpty()) {
                continue;
            }
            int first = stored.get(0).number() - 1;
            int last = stored.get(stored.size() - 1).number() - 1;
            String lastEnding = ending(lines.get(last));
            List<String> written = new ArrayList<>();
            for (EditedRow row : rows) {
                List<String> cells = cells(section, row);
                written.add(unchanged(section, row, cells) ? body(lines.get(stored.get(row.origin()).number() - 1))
                        : csvLine(cells));
            }
            List<String> replaced = new ArrayList<>();
            for (int i = 0; i < written.size(); i++) {
                replaced.add(written.get(i) + (i == written.size() - 1 ? lastEnding : ending));
            }
            List<String> tail = new ArrayList<>(lines.subList(last + 1, lines.size()));
            lines.subList(first, lines.size()).clear();
            lines.addAll(replaced);
            lines.addAll(tail);
        }
        return String.join("", lines).getBytes(StandardCharsets.UTF_8);
    }

    /** A CSV line as Drools' CSV reader reads it back: a cell with a comma, a quote or outer spaces is quoted, quotes doubled. */
    static String csvLine(List<String> cells) {
        List<String> out = new ArrayList<>();
        for (String cell : cells) {
            boolean quote = cell.contains(",") || cell.contains("\"") || !cell.equals(cell.strip());
            out.add(quote ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
        }
        return String.join(",", out);
    }

    private static String ending(String line) {
        return line.endsWith("\r\n") ? "\r\n" : line.endsWith("\n") ? "\n" : line.endsWith("\r") ? "\r" : "";
    }

    private static String body(String line) {
        return line.substring(0, line.length() - ending(line).length());
    }

    /** A stored cell, to put back as it was (a number stays a number) when its value did not change. */
    private record StoredCell(String shown, CellType type, double number, boolean bool, String formula, String text, CellStyle style) {
    }

    private static byte[] xlsx(TableDocument document, Map<Integer, List<EditedRow>> edited) {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(document.file().content()))) {
            DataFormatter formatter = new DataFormatter();
            for (int s = document.sections().size() - 1; s >= 0; s--) {
                Section section = document.sections().get(s);
                List<EditedRow> rows = edited.get(s);
                List<TableLayout.Row> stored = section.table().ruleRows();
                if (rows == null || stored.isEmpty()) {
                    continue;
                }
                Sheet sheet = workbook.getSheetAt(stored.get(0).sheet());
                int first = stored.get(0).number() - 1;
                int last = stored.get(stored.size() - 1).number() - 1;
                List<List<StoredCell>> kept = new ArrayList<>();
                for (TableLayout.Row row : stored) {
                    kept.add(snapshot(sheet.getRow(row.number() - 1), formatter));
                }
                for (int r = first; r <= last; r++) {
                    Row row = sheet.getRow(r);
                    if (row != null) {
                        sheet.removeRow(row);
                    }
                }
                int shift = rows.size() - stored.size();
                if (shift != 0 && last + 1 <= sheet.getLastRowNum()) {
                    sheet.shiftRows(last + 1, sheet.getLastRowNum(), shift);
                }
                for (int i = 0; i < rows.size(); i++) {
                    EditedRow row = rows.get(i);
                    List<String> cells = cells(section, row);
                    List<StoredCell> from = kept.get(row.origin() >= 0 && row.origin() < kept.size() ? row.origin() : kept.size() - 1);
                    Row target = sheet.createRow(first + i);
                    for (int c = 0; c < cells.size(); c++) {
                        StoredCell was = c < from.size() ? from.get(c) : null;
                        String value = cells.get(c);
                        if (value.isEmpty() && (was == null || was.style() == null)) {
                            continue;
                        }
                        Cell cell = target.createCell(c);
                        if (was != null && was.style() != null) {
                            cell.setCellStyle(was.style());
                        }
                        if (was != null && row.origin() >= 0 && was.shown().strip().equals(value)) {
                            restore(cell, was);
                        } else if (!value.isEmpty()) {
                            cell.setCellValue(value);
                        }
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<StoredCell> snapshot(Row row, DataFormatter formatter) {
        List<StoredCell> cells = new ArrayList<>();
        if (row == null) {
            return cells;
        }
        for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
            Cell cell = row.getCell(c);
            if (cell == null) {
                cells.add(null);
                continue;
            }
            CellType type = cell.getCellType();
            cells.add(new StoredCell(formatter.formatCellValue(cell), type,
                    type == CellType.NUMERIC || type == CellType.FORMULA && cell.getCachedFormulaResultType() == CellType.NUMERIC
                            ? cell.getNumericCellValue() : 0,
                    type == CellType.BOOLEAN && cell.getBooleanCellValue(),
                    type == CellType.FORMULA ? cell.getCellFormula() : null,
                    type == CellType.STRING ? cell.getStringCellValue() : null, cell.getCellStyle()));
        }
        return cells;
    }

    private static void restore(Cell cell, StoredCell was) {
        switch (was.type()) {
            case NUMERIC -> cell.setCellValue(was.number());
            case BOOLEAN -> cell.setCellValue(was.bool());
            case FORMULA -> cell.setCellFormula(was.formula());
            case STRING -> cell.setCellValue(was.text());
            default -> {
                if (!was.shown().isEmpty()) {
                    cell.setCellValue(was.shown());
                }
            }
        }
    }
}

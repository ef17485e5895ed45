package org.blended.service.ruleset;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.blended.service.ruleset.RuleCodeCheck.RuleHeader;

/**
 * The rows of a decision table as its owner sees them, to say where in the table something found in the
 * DRL that Drools generates from it comes from: a rule's row, or the table's code rows (the object types
 * and code under CONDITION and ACTION, which every rule of the table shares).
 */
final class DecisionTableRows {

    record TableRow(String sheet, int number, List<String> cells) {
    }

    private final List<TableRow> rows;
    private final Set<TableRow> codeRows = new LinkedHashSet<>();
    private final boolean severalSheets;

    private DecisionTableRows(List<TableRow> rows, boolean severalSheets) {
        this.rows = rows;
        this.severalSheets = severalSheets;
        // RuleTable, then the CONDITION/ACTION header, then the object types, then the code
        for (TableRow table : rows) {
            if (table.cells().stream().anyMatch(cell -> cell.trim().toLowerCase(Locale.ROOT).startsWith("ruletable"))) {
                rows.stream()
                        .filter(row -> row.sheet().equals(table.sheet()))
                        .filter(row -> row.number() == table.number() + 2 || row.number() == table.number() + 3)
                        .forEach(codeRows::add);
            }
        }
    }

    static DecisionTableRows none() {
        return new DecisionTableRows(List.of(), false);
    }

    /** A CSV table: Drools reads it a line at a time, so a row is a line (row 7 is line 7). */
    static DecisionTableRows csv(String text) {
        List<TableRow> rows = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new StringReader(text))) {
            String line;
            while ((line = lines.readLine()) != null) {
                rows.add(new TableRow("csv", rows.size() + 1, csvCells(line)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new DecisionTableRows(rows, false);
    }

    static DecisionTableRows xlsx(byte[] content) throws IOException {
        List<TableRow> rows = new ArrayList<>();
        DataFormatter format = new DataFormatter();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    List<String> cells = new ArrayList<>();
                    for (Cell cell : row) {
                        cells.add(format.formatCellValue(cell));
                    }
                    rows.add(new TableRow(sheet.getSheetName(), row.getRowNum() + 1, cells));
                }
            }
            return new DecisionTableRows(rows, workbook.getNumberOfSheets() > 1);
        }
    }

    /** Cells of one CSV line; a quoted cell may hold commas, and "" in it is a quote. */
    static List<String> csvCells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (c == '"' && (quoted || cell.isEmpty())) {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    /**
     * Where {@code subject} (a name found in the generated DRL, in {@code rule} or outside any rule) is in
     * the table: the rule's row when the code is there (a parameter), else the code rows when it is
     * there, else the rule's row, else any row that shows it.
     */
    String locate(String subject, RuleHeader rule) {
        Optional<TableRow> ruleRow = rule == null ? Optional.empty() : rowOf(rule);
        if (ruleRow.isPresent() && containsCode(ruleRow.get(), subject)) {
            return where(ruleRow.get());
        }
        Optional<TableRow> codeRow = codeRows.stream().filter(row -> containsCode(row, subject)).findFirst();
        if (codeRow.isPresent()) {
            return "the table's code rows (" + where(codeRow.get()) + ")";
        }
        if (ruleRow.isPresent()) {
            return where(ruleRow.get());
        }
        Optional<TableRow> anyRow = rows.stream().filter(row -> contains(row.cells(), subject)).findFirst();
        if (anyRow.isPresent()) {
            return where(anyRow.get());
        }
        return rule == null ? null : "rule \"" + rule.name() + "\"";
    }

    /** The row a rule came from: the row with the rule's name (its NAME cell), the one Drools names if several. */
    private Optional<TableRow> rowOf(RuleHeader rule) {
        List<TableRow> named = rows.stream()
                .filter(row -> row.cells().stream().anyMatch(cell -> cell.trim().equals(rule.name())))
                .toList();
        Optional<TableRow> numbered = rows.stream()
                .filter(row -> rule.tableRow() != null && row.number() == rule.tableRow()).findFirst();
        if (numbered.isPresent() && (named.isEmpty() || named.contains(numbered.get()))) {
            return numbered;
        }
        return named.stream().findFirst();
    }

    private String where(TableRow row) {
        return (severalSheets ? "sheet " + row.sheet() + ", " : "") + "row " + row.number();
    }

    private static boolean containsCode(TableRow row, String subject) {
        return contains(row.cells().stream().map(DrlTokens::codeOnly).toList(), subject);
    }

    private static boolean contains(List<String> cells, String subject) {
        if (subject == null || subject.isEmpty()) {
            return false;
        }
        String before = Character.isJavaIdentifierPart(subject.charAt(0)) ? "(?<![\\w$])" : "";
        String after = Character.isJavaIdentifierPart(subject.charAt(subject.length() - 1)) ? "(?![\\w$])" : "";
        Pattern word = Pattern.compile(before + Pattern.quote(subject) + after);
        return cells.stream().anyMatch(cell -> word.matcher(cell).find());
    }
}

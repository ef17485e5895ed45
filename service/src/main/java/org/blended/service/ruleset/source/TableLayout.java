package org.blended.service.ruleset.source;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.drools.decisiontable.parser.ActionType;
import org.drools.decisiontable.parser.csv.CsvLineParser;
import org.drools.decisiontable.parser.csv.CsvParser;
import org.drools.decisiontable.parser.xls.ExcelParser;
import org.drools.template.parser.DataListener;

/**
 * A decision table's cells as Drools reads them (its own CSV and Excel parsers, so quoting, merged
 * cells and formulas come out as Drools sees them), split the way Drools' rule-sheet reader splits
 * them: the rule rows of each RuleTable, whose cells are values, and everything else, which is the
 * table's structure (RuleSet, Import, Notes and the other keyword rows; each table's name row,
 * column-type row, object-type row, code row and column-label row).
 */
public final class TableLayout {

    /** A row as a spreadsheet shows it: numbered from 1, cells from column A. */
    public record Row(int sheet, String sheetName, int number, List<String> cells) {

        public String cell(int column) {
            return column < cells.size() ? cells.get(column).strip() : "";
        }

        boolean isBlank() {
            return cells.stream().allMatch(String::isBlank);
        }

        /** The cells as compared: stripped, without the empty cells a spreadsheet leaves at the end. */
        public List<String> content() {
            List<String> content = new ArrayList<>(cells.stream().map(String::strip).toList());
            while (!content.isEmpty() && content.get(content.size() - 1).isEmpty()) {
                content.remove(content.size() - 1);
            }
            return content;
        }
    }

    /** A column of a rule table: its kind (NAME, CONDITION, ACTION, PRIORITY...) and its header cells. */
    public record Column(int index, ActionType.Code code, String objectType, String template, String label) {

        /** How a policy owner finds the column: its label, or its letter when it has none. */
        public String shown() {
            return label.isBlank() ? "column " + letter(index) : "\"" + label + "\"";
        }
    }

    /** One RuleTable: where it starts, its columns, and its rule rows. */
    public record Table(String name, Row nameRow, int firstColumn, Map<Integer, Column> columns, List<Row> ruleRows) {
    }

    /** A row of the structure, which part of it it is ("the code row", "the Import row"...) and, for a header row, its table. */
    public record Part(Row row, String part, Table table) {
    }

    /**
     * Keywords Drools reads outside the rule tables, and the rule attributes it takes there for every
     * rule of the sheet (the RULEFLOW-GROUP row names the phase the rules run in); all of them can carry
     * or shape code.
     */
    private static final Set<String> KEYWORDS = Stream.concat(Stream.of("ruleset", "import", "variables", "functions",
                    "queries", "declare", "notes", "sequential", "escapequotes", "sequentialmaxpriority",
                    "sequentialminpriority", "unit", "dialect"),
            ActionType.ATTRIBUTE_CODE_SET.stream().map(code -> code.getColHeader().toLowerCase(Locale.ROOT)))
            .collect(Collectors.toUnmodifiableSet());

    private final List<Table> tables;
    private final List<Part> structure;
    private final boolean severalSheets;

    private TableLayout(List<Table> tables, List<Part> structure, boolean severalSheets) {
        this.tables = tables;
        this.structure = structure;
        this.severalSheets = severalSheets;
    }

    /** Thrown when a file cannot be read as a decision table; the message says why, in Drools' words. */
    public static final class Unreadable extends Exception {
        Unreadable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public static TableLayout read(RuleSetFile file) throws Unreadable {
        try {
            List<List<Row>> sheets = file.kind() == RuleSetFile.Kind.DECISION_TABLE_CSV ? csv(file.content()) : xlsx(file.content());
            List<List<Row>> used = sheets.stream().filter(rows -> rows.stream().anyMatch(row -> !row.isBlank())).toList();
            List<Table> tables = new ArrayList<>();
            List<Part> structure = new ArrayList<>();
            for (List<Row> rows : used) {
                split(rows, tables, structure);
            }
            return new TableLayout(List.copyOf(tables), List.copyOf(structure), used.size() > 1);
        } catch (IOException | RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new Unreadable(message, e);
        }
    }

    public List<Table> tables() {
        return tables;
    }

    public List<Part> structure() {
        return structure;
    }

    /** Where a row is, as a spreadsheet shows it. */
    public String where(Row row) {
        return (severalSheets ? "sheet " + row.sheetName() + ", " : "") + "row " + row.number();
    }

    public static String letter(int column) {
        StringBuilder letters = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) {
            letters.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return letters.toString();
    }

    /**
     * Drools' rule-sheet reader, as far as what is a rule row goes: a cell starting with "RuleTable"
     * starts a table (wherever it is, rule rows included); the four rows below it are its header; rule
     * rows follow until a row with nothing in the table's columns is followed by another row.
     */
    private static void split(List<Row> rows, List<Table> tables, List<Part> structure) {
        Table table = null;
        int lastRuleRow = 0;
        for (Row row : rows) {
            if (row.isBlank()) {
                continue;
            }
            int ruleTableColumn = ruleTableColumn(row);
            if (ruleTableColumn >= 0) {
                table = new Table(row.cell(ruleTableColumn), row, ruleTableColumn, new TreeMap<>(), new ArrayList<>());
                tables.add(table);
                lastRuleRow = row.number() + 5;
                structure.add(new Part(row, "the RuleTable row", null)); // its other cells are no columns
                continue;
            }
            if (table != null) {
                int offset = row.number() - table.nameRow().number();
                if (offset <= 4) {
                    structure.add(new Part(row, header(table, row, offset), table));
                    continue;
                }
                boolean inColumns = false;
                for (int c = table.firstColumn(); c < row.cells().size(); c++) {
                    inColumns |= !row.cell(c).isEmpty();
                }
                if (!inColumns) {
                    // Drools skips cells left of the table; such a row ends the rule rows like an empty one
                    structure.add(new Part(row, "a note beside the rule rows", null));
                    continue;
                }
                if (row.number() - lastRuleRow <= 1) {
                    table.ruleRows().add(row);
                    lastRuleRow = Math.max(lastRuleRow, row.number());
                    continue;
                }
                table = null; // a gap: what follows is outside the table
            }
            structure.add(new Part(row, keywordPart(row), null));
        }
    }

    private static int ruleTableColumn(Row row) {
        for (int c = 0; c < row.cells().size(); c++) {
            if (row.cell(c).toLowerCase(Locale.ROOT).startsWith("ruletable")) {
                return c;
            }
        }
        return -1;
    }

    /** Reads a header row into the table's columns and names the part it is. */
    private static String header(Table table, Row row, int offset) {
        if (offset == 1) {
            Map<Integer, ActionType> types = new HashMap<>();
            for (int c = table.firstColumn(); c < row.cells().size(); c++) {
                if (!row.cell(c).isEmpty()) {
                    ActionType.addNewActionType(types, row.cell(c), c, row.number() - 1); // Drools' own reading of the header
                    table.columns().put(c, new Column(c, types.get(c).getCode(), "", "", ""));
                }
            }
            return "the column-type row (NAME, CONDITION, ACTION...)";
        }
        for (Map.Entry<Integer, Column> entry : table.columns().entrySet()) {
            Column column = entry.getValue();
            String cell = row.cell(entry.getKey());
            entry.setValue(switch (offset) {
                case 2 -> new Column(column.index(), column.code(), cell, column.template(), column.label());
                case 3 -> new Column(column.index(), column.code(), column.objectType(), cell, column.label());
                default -> new Column(column.index(), column.code(), column.objectType(), column.template(), cell);
            });
        }
        return switch (offset) {
            case 2 -> "the object-type row";
            case 3 -> "the code row";
            default -> "the column-label row";
        };
    }

    private static String keywordPart(Row row) {
        String first = row.cells().stream().map(String::strip).filter(cell -> !cell.isEmpty()).findFirst().orElse("");
        String word = first.split("\\s+")[0];
        if (KEYWORDS.contains(word.toLowerCase(Locale.ROOT))) {
            return word.equalsIgnoreCase("RuleSet") ? "the RuleSet row (the package)" : "the " + word + " row";
        }
        return "a row outside the rule tables (after an empty row, rows are no longer rules)";
    }

    private static List<List<Row>> csv(byte[] content) {
        Cells cells = new Cells(0, "csv");
        new CsvParser(cells, new CsvLineParser()).parseFile(new ByteArrayInputStream(content));
        return List.of(cells.rows());
    }

    /** Every sheet, not only the first that Drools compiles: a policy owner may not hide anything in another. */
    private static List<List<Row>> xlsx(byte[] content) throws IOException {
        Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content));
        Map<String, List<DataListener>> listeners = new LinkedHashMap<>();
        List<Cells> sheets = new ArrayList<>();
        for (Sheet sheet : workbook) {
            Cells cells = new Cells(sheets.size(), sheet.getSheetName());
            sheets.add(cells);
            listeners.put(sheet.getSheetName(), List.of(cells));
        }
        new ExcelParser(listeners).parseWorkbook(workbook); // closes the workbook
        return sheets.stream().map(Cells::rows).toList();
    }

    /** Collects the cells the parser reports, by row and column (both from 0). */
    private static final class Cells implements DataListener {

        private final int sheet;
        private final String name;
        private final TreeMap<Integer, TreeMap<Integer, String>> values = new TreeMap<>();

        Cells(int sheet, String name) {
            this.sheet = sheet;
            this.name = name;
        }

        @Override
        public void startSheet(String name) {
        }

        @Override
        public void finishSheet() {
        }

        @Override
        public void newRow(int rowNumber, int columns) {
            values.computeIfAbsent(rowNumber, r -> new TreeMap<>());
        }

        /**
         * A cell merged into the one before it (merged cells in Excel, a run of cells ending "..." in a
         * CSV) reads as the merge's first cell, which is the one Drools uses: so a table reads the same
         * as .csv and as .xlsx, whatever the merged cells hold underneath.
         */
        @Override
        public void newCell(int row, int column, String value, int mergedColStart) {
            TreeMap<Integer, String> cells = values.computeIfAbsent(row, r -> new TreeMap<>());
            String shown = mergedColStart >= 0 && mergedColStart != column && cells.containsKey(mergedColStart)
                    ? cells.get(mergedColStart) : value;
            cells.put(column, shown == null ? "" : shown);
        }

        List<Row> rows() {
            List<Row> rows = new ArrayList<>();
            values.forEach((number, cells) -> {
                List<String> row = new ArrayList<>();
                cells.forEach((column, value) -> {
                    while (row.size() < column) {
                        row.add("");
                    }
                    row.add(value);
                });
                rows.add(new Row(sheet, name, number + 1, List.copyOf(row)));
            });
            return rows;
        }
    }
}

package org.blended.service.ruleset.guard;

import org.blended.service.ruleset.source.RuleSetFile;
import org.blended.service.ruleset.source.RuleSetProblem;
import org.blended.service.ruleset.source.TableLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.blended.service.ruleset.guard.ColumnTypes.ColumnType;
import org.blended.service.ruleset.guard.ColumnTypes.ValueType;
import org.blended.service.ruleset.source.TableLayout.Column;
import org.blended.service.ruleset.source.TableLayout.Row;
import org.blended.service.ruleset.source.TableLayout.Table;

/**
 * Checks every cell of a table's rule rows against its column's type (see {@link ColumnTypes}), for
 * everyone who uploads a table: a number is a plain decimal, a constant one of its enum's, text stays
 * inside its string literal. A problem names the file, the row as a spreadsheet shows it and the column.
 */
public final class TableCellCheck {

    /** A decimal as Java writes it; the exponent because Drools reads a number cell of an .xlsx as 1.0E-4. */
    private static final Pattern DECIMAL = Pattern.compile("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][-+]?\\d+)?");
    private static final Pattern WHOLE = Pattern.compile("-?(0|[1-9]\\d*)");
    private static final Pattern LEADING_ZERO = Pattern.compile("-?0\\d+(\\.\\d+)?");
    private static final Pattern GROUPED = Pattern.compile("-?\\d{1,3}(,\\d{3})+(\\.\\d+)?");

    private TableCellCheck() {
    }

    public static List<RuleSetProblem> check(RuleSetFile file) {
        TableLayout layout;
        try {
            layout = TableLayout.read(file);
        } catch (TableLayout.Unreadable e) {
            return List.of(new RuleSetProblem(file.name(), null, "could not be read as a decision table: " + e.getMessage()));
        }
        if (layout.tables().isEmpty()) {
            return List.of(new RuleSetProblem(file.name(), null, "has no RuleTable, so it is not a decision table"));
        }
        List<RuleSetProblem> problems = new ArrayList<>();
        for (Table table : layout.tables()) {
            for (Row row : table.ruleRows()) {
                for (int c = table.firstColumn(); c < row.cells().size(); c++) {
                    String value = row.cell(c);
                    if (value.isEmpty()) {
                        continue; // an empty cell leaves the column out of the rule
                    }
                    Column column = table.columns().get(c);
                    String where = layout.where(row) + ", " + (column == null ? "column " + TableLayout.letter(c) : column.shown());
                    String problem = column == null
                            ? quoted(value) + " is outside the table: its column has no NAME, CONDITION or ACTION header"
                            : problem(ColumnTypes.of(column), value);
                    if (problem == null && column != null && ColumnTypes.of(column).isText()) {
                        problem = TextPlaceholders.problem(table, row, column, value);
                    }
                    if (problem != null) {
                        problems.add(new RuleSetProblem(file.name(), where, problem));
                    }
                }
            }
        }
        return problems;
    }

    /** What is wrong with a cell's value for its column, or null when it fits. */
    public static String problem(ColumnType type, String value) {
        if (type.isCode()) {
            return null; // who may change code cells is for CodeChanges to say
        }
        if (!type.list()) {
            return problem(type.values().get(0), value);
        }
        List<String> parts = Arrays.stream(value.split(",", -1)).map(String::strip).toList();
        if (parts.size() != type.values().size()) {
            return quoted(value) + " needs " + type.values().size() + " values separated by commas ("
                    + type.values().stream().map(ValueType::describe).collect(Collectors.joining(", ")) + "), not "
                    + parts.size();
        }
        for (int i = 0; i < parts.size(); i++) {
            String problem = problem(type.values().get(i), parts.get(i));
            if (problem != null) {
                return problem + " (in " + quoted(value) + ")";
            }
        }
        return null;
    }

    private static String problem(ValueType type, String value) {
        if (type.nullable() && value.equals("null")) {
            return null;
        }
        String orNull = type.nullable() ? " (or null)" : "";
        return switch (type.kind()) {
            case TEXT -> text(value);
            case NUMBER -> DECIMAL.matcher(value).matches() ? null : notANumber(value, orNull);
            case WHOLE_NUMBER -> WHOLE.matcher(value).matches() ? null : quoted(value) + " is not a whole number";
            case BOOLEAN -> value.equals("true") || value.equals("false") ? null
                    : quoted(value) + " is neither true nor false" + orNull;
            case ENUM -> Arrays.stream(type.enumType().getEnumConstants()).anyMatch(c -> ((Enum<?>) c).name().equals(value))
                    ? null : quoted(value) + " is not one of " + Arrays.stream(type.enumType().getEnumConstants())
                    .map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(", ")) + orNull;
            case CODE -> null;
        };
    }

    /** Text goes between the quotes of a string literal: nothing in it may end the literal or the line. */
    private static String text(String value) {
        if (value.indexOf('"') >= 0) {
            return quoted(value) + " has a straight double quote (\"), which would end the text early: use typographic quotes “ ” instead";
        }
        if (value.indexOf('\\') >= 0) {
            return quoted(value) + " has a backslash (\\), which text in a rule may not hold";
        }
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            return quoted(value) + " has a line break: text in a rule stays on one line";
        }
        if (value.contains("*/")) {
            return quoted(value) + " has */, which text in a rule may not hold";
        }
        return null;
    }

    private static String notANumber(String value, String orNull) {
        if (value.endsWith("%") && DECIMAL.matcher(value.substring(0, value.length() - 1).strip()).matches()) {
            return quoted(value) + " is not a number: write " + value.substring(0, value.length() - 1).strip()
                    + " for " + value;
        }
        if (GROUPED.matcher(value).matches()) {
            return quoted(value) + " is not a number: write it without separators, as " + value.replace(",", "");
        }
        if (LEADING_ZERO.matcher(value).matches()) {
            return quoted(value) + " is not a number as the rules read it: write it without the leading zero";
        }
        return quoted(value) + " is not a number" + orNull;
    }

    static String quoted(String value) {
        String shown = value.replace("\r", "").replace("\n", "⏎");
        return "\"" + (shown.length() > 120 ? shown.substring(0, 120) + "…" : shown) + "\"";
    }
}

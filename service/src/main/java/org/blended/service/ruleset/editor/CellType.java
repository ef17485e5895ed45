package org.blended.service.ruleset.editor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.blended.service.ruleset.guard.ColumnTypes;
import org.blended.service.ruleset.guard.ColumnTypes.ColumnType;
import org.blended.service.ruleset.guard.ColumnTypes.ValueType;
import org.blended.service.ruleset.guard.TableCellCheck;
import org.blended.service.ruleset.source.TableLayout.Column;
import org.blended.service.ruleset.source.TableLayout.Row;

/**
 * How the editor shows a column's cells, from what the rule-content guard infers from its code
 * ({@link ColumnTypes}): a number (or a percentage, when the figure compared is one), a whole
 * number, text, a choice (an enum's constants, true/false, or for a column that splices its cell
 * into code, the values it already holds), or, for the old "$1, $2" columns, a list typed as text.
 */
record CellType(Shape shape, List<String> choices, ColumnType type) {

    enum Shape { NUMBER, PERCENTAGE, WHOLE_NUMBER, TEXT, CHOICE, LIST }

    static CellType of(Column column, List<Row> ruleRows) {
        ColumnType type = ColumnTypes.of(column);
        if (type.values().stream().anyMatch(v -> v.kind() == ColumnTypes.Kind.CODE)) {
            Set<String> held = new LinkedHashSet<>();
            ruleRows.forEach(row -> held.add(row.cell(column.index())));
            held.remove("");
            return new CellType(Shape.CHOICE, List.copyOf(held), type); // a policy owner may only reuse code the column holds
        }
        if (type.list()) {
            return new CellType(Shape.LIST, List.of(), type);
        }
        ValueType value = type.values().get(0);
        List<String> nullable = value.nullable() ? List.of("null") : List.of();
        return switch (value.kind()) {
            case NUMBER -> new CellType(percentage(column) ? Shape.PERCENTAGE : Shape.NUMBER, List.of(), type);
            case WHOLE_NUMBER -> new CellType(Shape.WHOLE_NUMBER, List.of(), type);
            case BOOLEAN -> new CellType(Shape.CHOICE, concat(List.of("true", "false"), nullable), type);
            case ENUM -> new CellType(Shape.CHOICE, concat(Arrays.stream(value.enumType().getEnumConstants())
                    .map(c -> ((Enum<?>) c).name()).toList(), nullable), type);
            case TEXT, CODE -> new CellType(Shape.TEXT, List.of(), type);
        };
    }

    /** What is wrong with a value typed into a cell of this column, or null when it fits; empty cells always fit. */
    String problem(String value) {
        if (value.isEmpty()) {
            return null;
        }
        if (shape == Shape.CHOICE) {
            return choices.contains(value) ? null : "\"" + value + "\" is not one of " + String.join(", ", choices);
        }
        return TableCellCheck.problem(type, value);
    }

    public boolean numeric() {
        return shape == Shape.NUMBER || shape == Shape.PERCENTAGE || shape == Shape.WHOLE_NUMBER;
    }

    /** What the column takes, in words, for the hint under its heading. */
    public String describe() {
        return switch (shape) {
            case NUMBER -> "a number";
            case PERCENTAGE -> "a percentage, as a number";
            case WHOLE_NUMBER -> "a whole number";
            case TEXT -> "text";
            case CHOICE -> "one of the listed values";
            case LIST -> type.values().size() + " values separated by commas (" + type.describe() + ")";
        };
    }

    /** The compared figure is a percentage when the code or the label says so (loanToValuePct, "Percent above"). */
    private static boolean percentage(Column column) {
        String template = column.template();
        String label = column.label().toLowerCase(Locale.ROOT);
        return template.matches("(?s).*\\w*Pct\\b.*") || template.contains("Percent") || label.contains("%")
                || label.contains("percent");
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}

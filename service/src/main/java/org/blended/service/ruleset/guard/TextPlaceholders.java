package org.blended.service.ruleset.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.blended.rules.assessment.Reason;
import org.blended.service.ruleset.source.TableLayout.Column;
import org.blended.service.ruleset.source.TableLayout.Row;
import org.blended.service.ruleset.source.TableLayout.Table;

/**
 * The placeholders of a table's texts ({@code {below}}, {@code {from:percent}}, {@code {0}}) must be
 * ones a reason can fill, and a bound a text names must be a bound its row has: otherwise an
 * applicant would read "{below}". Only texts that are templates are filled; a column whose code sets
 * its text as written gets no placeholder at all.
 */
final class TextPlaceholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    /** How a bound column's code compares, and the placeholder that names its cell. */
    private static final Map<String, String> BOUNDS = Map.of(">=", "from", ">", "over", "<", "below", "<=", "upTo");
    private static final Pattern BOUND = Pattern.compile("\\w+\\s*(>=|<=|>|<)\\s*\\$param");
    private static final Pattern TEMPLATE_SETTER = Pattern.compile("setTextTemplate|setApplicantTemplate|says\\s*\\(");

    private TextPlaceholders() {
    }

    /** What is wrong with the placeholders of a text cell in this row, or null. */
    static String problem(Table table, Row row, Column column, String value) {
        if (value.indexOf('{') < 0) {
            return null;
        }
        if (!TEMPLATE_SETTER.matcher(column.template()).find()) {
            return TableCellCheck.quoted(value) + " has a placeholder, but this column's text is shown as written";
        }
        List<String> bounds = bounds(table, row);
        Matcher m = PLACEHOLDER.matcher(value);
        while (m.find()) {
            String placeholder = m.group(1);
            int colon = placeholder.indexOf(':');
            String name = colon < 0 ? placeholder : placeholder.substring(0, colon);
            if (colon >= 0 && !Reason.Wording.knows(placeholder.substring(colon + 1))) {
                return "{" + placeholder + "} asks for a wording there is none of: use " + String.join(", ", List.of(
                        ":money", ":percent", ":months", ":month", ":year")) + " or none";
            }
            if (!Reason.fills(name)) {
                return "{" + placeholder + "} names nothing a reason has: use {figure}, {threshold}, {from}, {over}, {below}"
                        + " or {upTo}";
            }
            if (BOUNDS.containsValue(name) && !bounds.contains(name)) {
                return "{" + placeholder + "} names a bound this row does not have" + (bounds.isEmpty() ? ""
                        : " (it has " + String.join(", ", bounds.stream().map(b -> "{" + b + "}").toList()) + ")");
            }
        }
        return null;
    }

    /** The placeholders of the bounds this row sets: a filled cell of a column whose code compares with it. */
    private static List<String> bounds(Table table, Row row) {
        List<String> names = new ArrayList<>();
        for (Column column : table.columns().values()) {
            Matcher bound = BOUND.matcher(column.template());
            if (bound.find() && !row.cell(column.index()).isEmpty()) {
                names.add(BOUNDS.get(bound.group(1)));
            }
        }
        return names;
    }
}

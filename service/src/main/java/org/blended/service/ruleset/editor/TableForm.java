package org.blended.service.ruleset.editor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.blended.service.ruleset.editor.TableDocument.BusinessColumn;
import org.blended.service.ruleset.editor.TableDocument.EditedRow;
import org.blended.service.ruleset.editor.TableDocument.Section;

/**
 * The editor's form, read back: per table ({@code rows-T} rows), each row's cells {@code cell-T-R-C}
 * (C is the column's position in the file, A = 0) and the stored row it started from
 * ({@code origin-T-R}); and the button pressed: save, check, {@code add-T-R} (a copy of row R
 * below it) or {@code remove-T-R}.
 */
final class TableForm {

    private static final Pattern ROW_ACTION = Pattern.compile("(add|remove)-(\\d+)-(\\d+)");
    private static final int MOST_ROWS = 500;

    private TableForm() {
    }

    static Map<Integer, List<EditedRow>> rows(TableDocument document, Map<String, String> form) {
        Map<Integer, List<EditedRow>> all = new LinkedHashMap<>();
        for (Section section : document.sections()) {
            int t = section.index();
            int count = number(form.get("rows-" + t), -1);
            if (count < 0) {
                all.put(t, section.storedRows()); // a form without the table: as stored
                continue;
            }
            List<EditedRow> rows = new ArrayList<>();
            for (int r = 0; r < Math.min(count, MOST_ROWS); r++) {
                List<String> values = new ArrayList<>();
                for (BusinessColumn column : section.columns()) {
                    String value = form.get("cell-" + t + "-" + r + "-" + column.index());
                    values.add(value == null ? "" : value.strip());
                }
                int origin = number(form.get("origin-" + t + "-" + r), -1);
                rows.add(new EditedRow(origin < section.table().ruleRows().size() ? origin : -1, List.copyOf(values)));
            }
            all.put(t, rows);
        }
        return all;
    }

    /** Applies an add or remove button to the rows; false when the action is neither. */
    static boolean applyRowAction(String action, TableDocument document, Map<Integer, List<EditedRow>> rows) {
        Matcher m = ROW_ACTION.matcher(action == null ? "" : action);
        if (!m.matches()) {
            return false;
        }
        int t = Integer.parseInt(m.group(2));
        int r = Integer.parseInt(m.group(3));
        List<EditedRow> table = rows.get(t);
        if (table == null || r >= table.size()) {
            return true;
        }
        if (m.group(1).equals("remove")) {
            table.remove(r);
            return true;
        }
        Section section = document.sections().get(t);
        EditedRow copied = table.get(r);
        List<String> values = new ArrayList<>(copied.values());
        for (int c = 0; c < section.columns().size(); c++) {
            if (section.columns().get(c).isName() && !values.get(c).isEmpty()) {
                values.set(c, values.get(c) + " (copy)"); // each rule needs a name of its own
            }
        }
        table.add(r + 1, new EditedRow(copied.origin(), List.copyOf(values)));
        return true;
    }

    private static int number(String value, int otherwise) {
        try {
            return value == null ? otherwise : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}

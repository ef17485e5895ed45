package org.blended.service.ruleset.editor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.blended.service.ruleset.editor.TableDocument.BusinessColumn;
import org.blended.service.ruleset.editor.TableDocument.EditedRow;
import org.blended.service.ruleset.editor.TableDocument.Section;

/**
 * The checks of every cell before a table is saved: each value fits its column (a number, one of
 * an enum's constants, text that stays text...), each rule has a name of its own, no row is empty
 * (Drools ends a table at an empty row) and a table keeps at least one row.
 */
final class CellChecks {

    private CellChecks() {
    }

    static List<CellProblem> check(Section section, List<EditedRow> rows) {
        List<CellProblem> problems = new ArrayList<>();
        List<BusinessColumn> columns = section.columns();
        if (rows.isEmpty()) {
            problems.add(new CellProblem(section.index(), 0, 0, section.name() + " needs at least one row."));
            return problems;
        }
        Map<String, Integer> names = new HashMap<>();
        for (int r = 0; r < rows.size(); r++) {
            EditedRow row = rows.get(r);
            if (row.values().stream().allMatch(String::isEmpty)) {
                problems.add(new CellProblem(section.index(), r, columns.isEmpty() ? 0 : columns.get(0).index(),
                        section.name() + ", row " + (r + 1) + " is empty: fill it in or remove it."));
                continue;
            }
            for (int c = 0; c < columns.size(); c++) {
                BusinessColumn column = columns.get(c);
                String value = row.values().get(c);
                if (column.isName()) {
                    Integer before = names.putIfAbsent(value, r);
                    if (value.isEmpty()) {
                        problems.add(new CellProblem(section.index(), r, column.index(),
                                section.name() + ", row " + (r + 1) + ": give the rule a name."));
                        continue;
                    }
                    if (before != null) {
                        problems.add(new CellProblem(section.index(), r, column.index(), section.name() + ", row " + (r + 1)
                                + ": another row (row " + (before + 1) + ") is named “" + value + "”; each rule needs its own name."));
                        continue;
                    }
                }
                String problem = column.type().problem(value);
                if (problem != null) {
                    problems.add(new CellProblem(section.index(), r, column.index(),
                            section.rowName(row, r) + ", “" + column.label() + "”: " + problem + "."));
                }
            }
        }
        return problems;
    }
}

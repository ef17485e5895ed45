package org.blended.service.ruleset.guard;

import org.blended.service.ruleset.source.RuleSetFile;
import org.blended.service.ruleset.source.RuleSetProblem;
import org.blended.service.ruleset.source.TableLayout;
import org.blended.service.ruleset.upload.RuleSetUploads;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.blended.service.ruleset.source.TableLayout.Column;
import org.blended.service.ruleset.source.TableLayout.Part;
import org.blended.service.ruleset.source.TableLayout.Row;
import org.blended.service.ruleset.source.TableLayout.Table;

/**
 * What in a draft is a change to code, compared with the version it is based on: anything but the
 * values of decision tables (the cells of their rule rows; rows may be added and removed) and Test
 * Scenario files. DRL files, a table's structure (every row above its rule rows, and the RuleSet,
 * Import and other keyword rows), new tables, removed files and the cells of a CODE column (whose
 * template splices the cell into code) are code, which only a rule author may change. Tables are
 * compared by the cells Drools reads, so a table saved as .xlsx compares equal to its .csv.
 */
public final class CodeChanges {

    /** Problems reported for one table at most: the first few say enough to find the change. */
    private static final int MOST_PER_TABLE = 5;

    private CodeChanges() {
    }

    public static List<RuleSetProblem> between(List<RuleSetFile> base, List<RuleSetFile> draft) {
        Map<String, RuleSetFile> before = byKey(base);
        Map<String, RuleSetFile> after = byKey(draft);
        List<RuleSetProblem> problems = new ArrayList<>();
        after.forEach((key, file) -> {
            RuleSetFile old = before.get(key);
            if (old != null && Arrays.equals(old.content(), file.content())) {
                return;
            }
            if (file.kind() == RuleSetFile.Kind.TEST_SCENARIO) {
                return; // a scenario's cells are values (what a scenario may hold is ScenarioContentCheck's)
            }
            if (file.kind() == RuleSetFile.Kind.DRL) {
                problems.add(new RuleSetProblem(file.name(), null, old == null ? "is a new DRL file, and DRL is code"
                        : "is a DRL file, and DRL is code"));
            } else if (old == null) {
                problems.add(new RuleSetProblem(file.name(), null,
                        "is a new decision table: its structure and code rows are code"));
            } else if (old.kind() == RuleSetFile.Kind.DRL) {
                problems.add(new RuleSetProblem(file.name(), null, "replaces the DRL file " + old.name() + ", which is code"));
            } else {
                problems.addAll(table(old, file));
            }
        });
        before.forEach((key, file) -> {
            if (!after.containsKey(key)) {
                problems.add(new RuleSetProblem(file.name(), null, "was removed from the rule set"));
            }
        });
        return problems;
    }

    /** A changed table: its structure must be the same, and its CODE columns hold only values they held before. */
    private static List<RuleSetProblem> table(RuleSetFile base, RuleSetFile draft) {
        TableLayout before;
        TableLayout after;
        try {
            before = TableLayout.read(base);
        } catch (TableLayout.Unreadable e) {
            return List.of(new RuleSetProblem(draft.name(), null,
                    "replaces a table that could not be read as one, so what changed cannot be told"));
        }
        try {
            after = TableLayout.read(draft);
        } catch (TableLayout.Unreadable e) {
            return List.of(); // said, for everyone, by TableCellCheck
        }
        List<RuleSetProblem> problems = new ArrayList<>(structure(draft.name(), before, after));
        if (!problems.isEmpty()) {
            return problems;
        }
        for (int t = 0; t < after.tables().size(); t++) {
            problems.addAll(codeCells(draft.name(), before.tables().get(t), after, after.tables().get(t)));
        }
        return problems.stream().limit(MOST_PER_TABLE).toList();
    }

    /** The first place where the structure differs: after it, rows are usually only shifted. */
    private static List<RuleSetProblem> structure(String file, TableLayout before, TableLayout after) {
        List<Part> was = before.structure();
        List<Part> now = after.structure();
        for (int i = 0; i < Math.max(was.size(), now.size()); i++) {
            if (i >= was.size()) {
                Part added = now.get(i);
                return List.of(new RuleSetProblem(file, after.where(added.row()),
                        "a row was added to the table's structure (" + added.part() + "): " + shown(added.row())));
            }
            if (i >= now.size()) {
                Part removed = was.get(i);
                return List.of(new RuleSetProblem(file, null, removed.part() + " (" + shown(removed.row())
                        + ") was removed"));
            }
            Part old = was.get(i);
            Part changed = now.get(i);
            if (!old.part().equals(changed.part())) {
                return List.of(new RuleSetProblem(file, after.where(changed.row()), "the table's structure changed: "
                        + old.part() + " (" + shown(old.row()) + ") became " + changed.part() + " (" + shown(changed.row()) + ")"));
            }
            List<String> oldCells = old.row().content();
            List<String> newCells = changed.row().content();
            if (!oldCells.equals(newCells)) {
                List<RuleSetProblem> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(oldCells.size(), newCells.size()) && cells.size() < MOST_PER_TABLE; c++) {
                    String from = old.row().cell(c);
                    String to = changed.row().cell(c);
                    if (!from.equals(to)) {
                        cells.add(new RuleSetProblem(file, after.where(changed.row()) + column(old.table(), c),
                                changed.part() + " changed: " + TableCellCheck.quoted(from) + " became " + TableCellCheck.quoted(to)));
                    }
                }
                return cells;
            }
        }
        return List.of();
    }

    /** A cell of a CODE column is code: a policy owner may use only the values the column already holds. */
    private static List<RuleSetProblem> codeCells(String file, Table before, TableLayout layout, Table after) {
        List<RuleSetProblem> problems = new ArrayList<>();
        for (Column column : after.columns().values()) {
            if (!ColumnTypes.of(column).isCode()) {
                continue;
            }
            Set<String> held = new LinkedHashSet<>();
            before.ruleRows().forEach(row -> held.add(row.cell(column.index())));
            held.remove("");
            for (Row row : after.ruleRows()) {
                String value = row.cell(column.index());
                if (!value.isEmpty() && !held.contains(value)) {
                    problems.add(new RuleSetProblem(file, layout.where(row) + ", " + column.shown(), TableCellCheck.quoted(value)
                            + " is code: this column puts its cells into the code " + TableCellCheck.quoted(column.template())
                            + ", so only the values it already holds may be used"
                            + (held.isEmpty() ? "" : " (" + held.stream().map(TableCellCheck::quoted).collect(Collectors.joining(", ")) + ")")));
                }
            }
        }
        return problems;
    }

    private static String column(Table table, int c) {
        if (table == null) {
            return "";
        }
        Column column = table.columns().get(c);
        return ", " + (column == null ? "column " + TableLayout.letter(c) : column.shown());
    }

    private static String shown(Row row) {
        return TableCellCheck.quoted(String.join(" | ", row.content()));
    }

    /** Files by what they are, as an upload replaces them: rules and scenarios by name, whatever the extension. */
    private static Map<String, RuleSetFile> byKey(List<RuleSetFile> files) {
        Map<String, RuleSetFile> byKey = new LinkedHashMap<>();
        for (RuleSetFile file : files) {
            byKey.put((file.kind() == RuleSetFile.Kind.TEST_SCENARIO ? "scenarios:" : "rules:")
                    + RuleSetUploads.stem(file.name()), file);
        }
        return byKey;
    }
}

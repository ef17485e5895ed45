package org.blended.service.ruleset.editor;

import java.util.ArrayList;
import java.util.List;

import org.blended.service.ruleset.source.RuleSetFile;
import org.blended.service.ruleset.source.TableLayout;
import org.blended.service.ruleset.source.TableLayout.Column;
import org.blended.service.ruleset.source.TableLayout.Part;
import org.blended.service.ruleset.source.TableLayout.Table;
import org.drools.decisiontable.parser.ActionType;

/**
 * A decision-table file as a policy owner sees it: its Notes (which hold the sources), and for each
 * RuleTable its business columns, the columns with a label (the NAME column shown as the row's
 * name) and their values; the code rows stay in the file, out of sight.
 */
record TableDocument(RuleSetFile file, TableLayout layout, List<String> notes, List<Section> sections) {

    /** A column a policy owner edits: where it is in the file (A = 0), its label and what it takes. */
    record BusinessColumn(int index, String label, boolean isName, CellType type, Column column) {
    }

    /** One RuleTable: its name, its business columns (the NAME column first, when it has one) and the table as read. */
    record Section(int index, String name, List<BusinessColumn> columns, Table table) {

        /** The rows as stored, each by its position among the rule rows. */
        List<EditedRow> storedRows() {
            List<EditedRow> rows = new ArrayList<>();
            for (int r = 0; r < table.ruleRows().size(); r++) {
                TableLayout.Row row = table.ruleRows().get(r);
                rows.add(new EditedRow(r, columns.stream().map(c -> row.cell(c.index())).toList()));
            }
            return rows;
        }

        String rowName(EditedRow row, int position) {
            for (int c = 0; c < columns.size(); c++) {
                if (columns.get(c).isName() && !row.values().get(c).isBlank()) {
                    return "“" + row.values().get(c) + "”";
                }
            }
            return "row " + (position + 1);
        }
    }

    /**
     * A rule row as edited: the stored row it started from (so the cells not shown come along; -1 for
     * none) and the values of the business columns, in their order.
     */
    record EditedRow(int origin, List<String> values) {
    }

    static TableDocument read(RuleSetFile file) throws TableLayout.Unreadable {
        TableLayout layout = TableLayout.read(file);
        List<String> notes = new ArrayList<>();
        for (Part part : layout.structure()) {
            if (part.part().equals("the Notes row")) {
                List<String> cells = part.row().content();
                int keyword = 0;
                while (keyword < cells.size() && cells.get(keyword).isEmpty()) {
                    keyword++;
                }
                String text = String.join(" ", cells.subList(Math.min(keyword + 1, cells.size()), cells.size())).strip();
                if (!text.isEmpty()) {
                    notes.add(text);
                }
            }
        }
        List<Section> sections = new ArrayList<>();
        for (Table table : layout.tables()) {
            List<BusinessColumn> columns = new ArrayList<>();
            for (Column column : table.columns().values()) {
                if (column.label().isBlank()) {
                    continue; // a column without a label is technical (design decision 3)
                }
                boolean isName = column.code() == ActionType.Code.NAME;
                BusinessColumn business = new BusinessColumn(column.index(), column.label(), isName,
                        CellType.of(column, table.ruleRows()), column);
                if (isName) {
                    columns.add(0, business);
                } else {
                    columns.add(business);
                }
            }
            String name = table.name().replaceFirst("(?i)^ruletable\\s*", "").strip();
            sections.add(new Section(sections.size(), name.isEmpty() ? file.name() : name, List.copyOf(columns), table));
        }
        return new TableDocument(file, layout, List.copyOf(notes), List.copyOf(sections));
    }
}

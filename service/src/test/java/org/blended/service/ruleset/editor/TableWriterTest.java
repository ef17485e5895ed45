package org.blended.service.ruleset.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.blended.service.ruleset.editor.Fixtures.document;
import static org.blended.service.ruleset.editor.Fixtures.fixture;
import static org.blended.service.ruleset.editor.Fixtures.withCell;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.blended.service.ruleset.editor.TableDocument.EditedRow;
import org.blended.service.ruleset.source.RuleSetFile;
import org.blended.service.ruleset.source.TableLayout;
import org.junit.jupiter.api.Test;

/** Saving writes back values only: every other byte of a CSV as it was, an .xlsx's code rows as they were. */
class TableWriterTest {

    @Test
    void rowsAsStoredWriteBackEveryTableByteForByte() {
        List<RuleSetFile> tables = new ArrayList<>(Fixtures.shippedTables());
        tables.add(fixture("cover-bands.drl.csv"));
        tables.add(fixture("two-tables.drl.csv"));
        tables.add(fixture("cover-old-shape.drl.csv"));
        tables.add(fixture("ltv-old-shape.drl.csv"));
        for (RuleSetFile table : tables) {
            TableDocument document = document(table);
            assertThat(TableWriter.write(document, Fixtures.stored(document))).as(table.name()).isEqualTo(table.content());
        }
    }

    @Test
    void oneEditedValueChangesThatCellOnly() {
        RuleSetFile cover = fixture("cover-bands.drl.csv");
        TableDocument document = document(cover);
        String written = text(TableWriter.write(document, withCell(document, 0, 2, "Points", "4")));
        assertThat(written).isEqualTo(cover.text().replace(",F1-GREEN,3,GREEN,", ",F1-GREEN,4,GREEN,"));

        RuleSetFile old = fixture("cover-old-shape.drl.csv"); // a range in one cell, as tables were
        TableDocument oldShape = document(old);
        String range = text(TableWriter.write(oldShape, withCell(oldShape, 0, 1, "Cover from, below", "1.0, 1.5")));
        assertThat(range).isEqualTo(old.text().replace("\"1.0, 1.25\",F1-AMBER", "\"1.0, 1.5\",F1-AMBER"));
    }

    @Test
    void aValueIsQuotedAsDroolsReadsItBack() {
        TableDocument cover = document(fixture("cover-bands.drl.csv"));
        String value = "below 1.0, so “the repayments” are not \"covered\"";
        byte[] written = TableWriter.write(cover, withCell(cover, 0, 0, "Officer text (after the figure)", value));
        assertThat(text(written)).contains(",RED,\"below 1.0, so “the repayments” are not \"\"covered\"\"\",");
        assertThat(rules(written).get(0).cell(6)).isEqualTo(value);
    }

    @Test
    void rowsAddedAndRemovedBringTheirHiddenCellsAndLeaveTheRestAlone() {
        RuleSetFile two = fixture("two-tables.drl.csv");
        TableDocument document = document(two);
        var rows = Fixtures.stored(document);
        TableForm.applyRowAction("add-0-1", document, rows);
        rows.get(1).remove(0);
        rows.get(1).add(new EditedRow(-1, List.of("Second b", "6", "six")));
        String written = text(TableWriter.write(document, rows));
        assertThat(written).isEqualTo(two.text()
                .replace("First b,2,three\r\n", "First b,2,three\r\nFirst b (copy),2,three\r\n")
                .replace("Second a,5,five\r\n", "Second b,6,six\r\n"));
    }

    @Test
    void anXlsxTableKeepsItsCodeRowsAndTakesTheEditedValues() throws Exception {
        RuleSetFile csv = fixture("cover-bands.drl.csv");
        RuleSetFile xlsx = new RuleSetFile(csv.path().replace(".drl.csv", ".xlsx"), TableWorkbook.of(csv));
        TableDocument document = document(xlsx);
        var rows = withCell(document, 0, 1, "Cover below", "1.5");
        rows.get(0).set(2, new EditedRow(2, replaced(rows.get(0).get(2).values(), 1, "1.5")));
        TableForm.applyRowAction("add-0-2", document, rows);
        byte[] written = TableWriter.write(document, rows);

        TableLayout before = TableLayout.read(xlsx);
        TableLayout after = TableLayout.read(new RuleSetFile(xlsx.path(), written));
        assertThat(after.structure()).extracting(p -> p.row().content())
                .isEqualTo(before.structure().stream().map(p -> p.row().content()).toList());
        assertThat(after.tables().get(0).ruleRows()).extracting(r -> r.content().subList(0, 6)).containsExactly(
                List.of("F1 Debt service cover below 1.0", "", "1.0", "F1-RED", "0", "RED"),
                List.of("F1 Debt service cover from 1.0 to 1.25", "1.0", "1.5", "F1-AMBER", "1", "AMBER"),
                List.of("F1 Debt service cover of 1.25 or more", "1.5", "", "F1-GREEN", "3", "GREEN"),
                List.of("F1 Debt service cover of 1.25 or more (copy)", "1.5", "", "F1-GREEN", "3", "GREEN"));
    }

    private static List<String> replaced(List<String> values, int c, String value) {
        List<String> copy = new ArrayList<>(values);
        copy.set(c, value);
        return copy;
    }

    private static List<TableLayout.Row> rules(byte[] csv) {
        try {
            return TableLayout.read(new RuleSetFile("x.drl.csv", csv)).tables().get(0).ruleRows();
        } catch (TableLayout.Unreadable e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}

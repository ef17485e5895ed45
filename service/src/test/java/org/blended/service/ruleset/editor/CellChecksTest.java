package org.blended.service.ruleset.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.blended.service.ruleset.editor.Fixtures.document;
import static org.blended.service.ruleset.editor.Fixtures.fixture;
import static org.blended.service.ruleset.editor.Fixtures.withCell;

import java.util.ArrayList;
import java.util.List;

import org.blended.service.ruleset.editor.CellType.Shape;
import org.blended.service.ruleset.editor.TableDocument.EditedRow;
import org.blended.service.ruleset.editor.TableDocument.Section;
import org.junit.jupiter.api.Test;

/** What the editor shows of a table (business columns only, typed from their code) and the checks of its cells. */
class CellChecksTest {

    @Test
    void aTableShowsItsNotesAndItsBusinessColumnsTypedFromTheirCode() {
        TableDocument cover = document(fixture("cover-bands.drl.csv"));
        assertThat(cover.notes()).singleElement().asString().startsWith("F1 Debt service cover =").contains("Source: Unity Trust Bank");
        Section section = cover.sections().get(0);
        assertThat(section.name()).isEqualTo("F1 Debt service cover");
        assertThat(section.columns()).extracting(c -> c.label() + ":" + c.type().shape()).containsExactly(
                "Rule:TEXT", "Cover from:NUMBER", "Cover below:NUMBER", "Code:TEXT", "Points:NUMBER", "Band:CHOICE",
                "Officer text (after the figure):TEXT", "Applicant text:TEXT");
        assertThat(section.columns().get(5).type().choices()).containsExactly("GREEN", "AMBER", "RED");
        assertThat(section.storedRows().get(0).values()).containsExactly("F1 Debt service cover below 1.0", "", "1.0",
                "F1-RED", "0", "RED", "below the 1.0 minimum, so the repayments are not covered.",
                "Your surplus does not yet cover the loan repayments.");

        Section ltv = document(fixture("ltv-bands.drl.csv")).sections().get(0);
        assertThat(ltv.columns()).extracting(c -> c.type().shape())
                .containsExactly(Shape.TEXT, Shape.TEXT, Shape.PERCENTAGE, Shape.PERCENTAGE, Shape.TEXT);

        // the old shape: a range is a list of two numbers; a condition that splices its cell into code offers the values it holds
        Section oldLtv = document(fixture("ltv-old-shape.drl.csv")).sections().get(0);
        assertThat(oldLtv.columns().get(1).type().shape()).isEqualTo(Shape.CHOICE);
        assertThat(oldLtv.columns().get(1).type().choices()).containsExactly("!= Purpose.DEVELOPMENT", "== Purpose.DEVELOPMENT", "!= null");
        assertThat(oldLtv.columns().get(2).type().shape()).isEqualTo(Shape.LIST);
        assertThat(oldLtv.columns().get(2).type().describe()).isEqualTo("2 values separated by commas (list (number, number))");
    }

    @Test
    void aValueItsColumnCannotTakeIsShownAtItsCell() {
        TableDocument cover = document(fixture("cover-bands.drl.csv"));
        assertThat(TableEditor.check(cover, withCell(cover, 0, 2, "Points", "three"))).singleElement().satisfies(p -> {
            assertThat(p.cellId()).isEqualTo("cell-0-2-4");
            assertThat(p.message()).isEqualTo("“F1 Debt service cover of 1.25 or more”, “Points”: \"three\" is not a number.");
        });
        assertThat(TableEditor.check(cover, withCell(cover, 0, 1, "Cover from", "1,0"))).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("\"1,0\" is not a number"));
        assertThat(TableEditor.check(cover, withCell(cover, 0, 1, "Band", "PURPLE"))).singleElement()
                .satisfies(p -> assertThat(p.message()).endsWith("\"PURPLE\" is not one of GREEN, AMBER, RED."));
        assertThat(TableEditor.check(cover, withCell(cover, 0, 1, "Applicant text", "Say \"hello\""))).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("straight double quote"));
        assertThat(TableEditor.check(document(fixture("ltv-bands.drl.csv")),
                withCell(document(fixture("ltv-bands.drl.csv")), 0, 0, "Percent up to", "70%"))).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("write 70 for 70%"));
    }

    @Test
    void eachRuleNeedsANameOfItsOwnAndNoRowIsEmpty() {
        TableDocument cover = document(fixture("cover-bands.drl.csv"));
        assertThat(TableEditor.check(cover, withCell(cover, 0, 1, "Rule", "F1 Debt service cover below 1.0"))).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("another row (row 1) is named “F1 Debt service cover below 1.0”"));
        assertThat(TableEditor.check(cover, withCell(cover, 0, 1, "Rule", ""))).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("give the rule a name"));

        var rows = Fixtures.stored(cover);
        rows.get(0).add(new EditedRow(-1, new ArrayList<>(java.util.Collections.nCopies(8, ""))));
        assertThat(TableEditor.check(cover, rows)).singleElement().satisfies(p -> {
            assertThat(p.cellId()).isEqualTo("cell-0-3-0");
            assertThat(p.message()).isEqualTo("F1 Debt service cover, row 4 is empty: fill it in or remove it.");
        });
        rows.get(0).clear();
        assertThat(TableEditor.check(cover, rows)).extracting(CellProblem::message)
                .containsExactly("F1 Debt service cover needs at least one row.");
    }

    @Test
    void addingARowCopiesTheOneAboveUnderANameOfItsOwnAndRemovingDropsIt() {
        TableDocument cover = document(fixture("cover-bands.drl.csv"));
        var rows = Fixtures.stored(cover);
        assertThat(TableForm.applyRowAction("add-0-1", cover, rows)).isTrue();
        assertThat(rows.get(0)).hasSize(4);
        assertThat(rows.get(0).get(2).origin()).isEqualTo(1);
        assertThat(rows.get(0).get(2).values().get(0)).isEqualTo("F1 Debt service cover from 1.0 to 1.25 (copy)");
        assertThat(TableForm.applyRowAction("remove-0-2", cover, rows)).isTrue();
        assertThat(rows.get(0)).isEqualTo(cover.sections().get(0).storedRows());
        assertThat(TableForm.applyRowAction("save", cover, rows)).isFalse();
    }

    @Test
    void theFormIsReadBackCellByCell() {
        TableDocument cover = document(fixture("cover-bands.drl.csv"));
        var form = new java.util.HashMap<String, String>();
        form.put("rows-0", "1");
        form.put("origin-0-0", "2");
        form.put("cell-0-0-0", " F1 green ");
        form.put("cell-0-0-1", "2.0");
        List<EditedRow> rows = TableForm.rows(cover, form).get(0);
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.origin()).isEqualTo(2);
            assertThat(r.values()).containsExactly("F1 green", "2.0", "", "", "", "", "", "");
        });
        form.put("origin-0-0", "99"); // no such stored row: nothing hidden comes along
        assertThat(TableForm.rows(cover, form).get(0).get(0).origin()).isEqualTo(-1);
    }
}

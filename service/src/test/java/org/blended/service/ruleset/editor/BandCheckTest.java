package org.blended.service.ruleset.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.blended.service.ruleset.editor.Fixtures.document;
import static org.blended.service.ruleset.editor.Fixtures.fixture;
import static org.blended.service.ruleset.editor.Fixtures.withCell;

import java.util.List;

import org.blended.service.ruleset.source.RuleSetFile;
import org.junit.jupiter.api.Test;

/** Band tables in the new shape: gaps, overlaps and bounds out of order, per group of rows, with >=/< and >/<= told apart. */
class BandCheckTest {

    private static final String COVER = "cover-bands.drl.csv";
    private static final String LTV = "ltv-bands.drl.csv";

    @Test
    void bandsThatMeetExactlyPass() {
        assertThat(problems(fixture(COVER))).isEmpty();
        assertThat(problems(fixture(LTV))).isEmpty();
    }

    @Test
    void aBandThatStopsShortLeavesAGapShownAtTheNextBandsStart() {
        TableDocument cover = document(fixture(COVER));
        List<CellProblem> problems = TableEditor.check(cover, withCell(cover, 0, 1, "Cover below", "1.2"));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.cellId()).isEqualTo("cell-0-2-1"); // the green row's "Cover from" (column B)
            assertThat(p.message()).startsWith("Gap: no row covers values between 1.2 and 1.25")
                    .contains("“F1 Debt service cover from 1.0 to 1.25” ends at 1.2");
        });
    }

    @Test
    void aBandThatStartsEarlyOverlaps() {
        TableDocument cover = document(fixture(COVER));
        assertThat(TableEditor.check(cover, withCell(cover, 0, 2, "Cover from", "1.2"))).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("Overlap: “F1 Debt service cover from 1.0 to 1.25” and "
                        + "“F1 Debt service cover of 1.25 or more” both cover values from 1.2 to 1.25."));
        // an open start below a band that is not the first covers what that band covers
        assertThat(TableEditor.check(cover, withCell(cover, 0, 1, "Cover from", ""))).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("Overlap").contains("below 1.0"));
    }

    @Test
    void aBoundIsInOrOutAsItsOperatorSays() {
        // "over" and "below" at the same value: the value itself is in neither band
        RuleSetFile exclusive = fixture(COVER, "debtServiceCover >= $param", "debtServiceCover > $param");
        assertThat(problems(exclusive)).extracting(CellProblem::message)
                .containsExactly("Gap: no row covers the value 1.0 itself (“F1 Debt service cover below 1.0” stops below it, "
                                + "“F1 Debt service cover from 1.0 to 1.25” starts above it).",
                        "Gap: no row covers the value 1.25 itself (“F1 Debt service cover from 1.0 to 1.25” stops below it, "
                                + "“F1 Debt service cover of 1.25 or more” starts above it).");
        // "from" and "up to" at the same value: the value is in both
        RuleSetFile inclusive = fixture(COVER, "debtServiceCover < $param", "debtServiceCover <= $param");
        assertThat(problems(inclusive)).extracting(CellProblem::message).first().asString()
                .startsWith("Overlap").contains("both cover the value 1.0");
        // "over" and "up to" meet exactly, like "from" and "below"
        RuleSetFile both = edited(fixture(COVER, "debtServiceCover >= $param", "debtServiceCover > $param").text(),
                "debtServiceCover < $param", "debtServiceCover <= $param");
        assertThat(problems(both)).isEmpty();
    }

    @Test
    void boundsOutOfOrderAreShownAtTheStart() {
        TableDocument cover = document(fixture(COVER));
        var rows = withCell(cover, 0, 1, "Cover from", "1.5");
        assertThat(TableEditor.check(cover, rows)).first().satisfies(p -> {
            assertThat(p.cellId()).isEqualTo("cell-0-1-1");
            assertThat(p.message()).isEqualTo("“F1 Debt service cover from 1.0 to 1.25”: the band starts at 1.5 (“Cover from”) "
                    + "but ends at 1.25 (“Cover below”): the start must be below the end.");
        });
        assertThat(TableEditor.check(cover, withCell(cover, 0, 1, "Cover from", "1.25"))).first()
                .satisfies(p -> assertThat(p.message()).contains("the start must be below the end"));
    }

    @Test
    void eachKindOfLendingHasItsOwnBands() {
        TableDocument ltv = document(fixture(LTV));
        List<CellProblem> problems = TableEditor.check(ltv, withCell(ltv, 0, 4, "Percent over", "55"));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.cellId()).isEqualTo("cell-0-4-2");
            assertThat(p.message()).isEqualTo("Gap among the rows with Kind of lending unsecured: no row covers values between "
                    + "50 and 55 (“F2 unsecured up to 50%” ends at 50, “F2 unsecured over 50%” starts at 55).");
        });
        // the kinds' bands are apart: unsecured lending up to 70% overlaps its own band over 50%, not secured lending's
        assertThat(TableEditor.check(ltv, withCell(ltv, 0, 3, "Percent up to", "70"))).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("Overlap among the rows with Kind of lending unsecured: "
                        + "“F2 unsecured up to 50%” and “F2 unsecured over 50%” both cover values from 50 to 70."));
    }

    @Test
    void theShippedTablesAndTheOldShapePass() {
        assertThat(problems(fixture("cover-old-shape.drl.csv"))).isEmpty();
        assertThat(problems(fixture("ltv-old-shape.drl.csv"))).isEmpty();
        for (RuleSetFile table : Fixtures.shippedTables()) {
            assertThat(problems(table)).as(table.name()).isEmpty();
        }
    }

    @Test
    void theShippedCoverTableIsBandCheckedOnceReshaped() {
        TableDocument cover = document(Fixtures.shipped("debt-service-cover.drl.csv"));
        assertThat(cover.sections().get(0).columns()).as("the shipped table has one column per bound")
                .anyMatch(c -> c.label().equals("Cover below"));
        // its Code column binds a name and constrains nothing: the rows are one group
        assertThat(TableEditor.check(cover, withCell(cover, 0, 1, "Cover below", "1.2"))).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("Gap: no row covers values between 1.2 and 1.25"));
    }

    private static List<CellProblem> problems(RuleSetFile file) {
        TableDocument document = document(file);
        return TableEditor.check(document, Fixtures.stored(document));
    }

    private static RuleSetFile edited(String text, String replaced, String by) {
        return new RuleSetFile("org/blended/rules/financial/x.drl.csv",
                text.replace(replaced, by).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}

package org.blended.service.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

/** The edits tests make to shipped decision tables, as a policy owner (or, for code, a rule author) would in a spreadsheet. */
public final class RuleSetEdits {

    public static final String RESERVES_TABLE = "reserves.drl.csv";
    public static final String COVER_TABLE = "debt-service-cover.drl.csv";

    private RuleSetEdits() {
    }

    /**
     * F6: reserves rate amber under six weeks of expenditure instead of one month. Four examples
     * (1.2 to 1.45 months) drop from green to amber; every shipped Test Scenario still holds.
     */
    public static String higherMinimumReserves(String reservesTable) {
        // one cell each side of the new bound: the texts name the bounds, so they follow
        String edited = reservesTable
                .replace("F6 Reserves under what we look for,F6-AMBER,,1,", "F6 Reserves under what we look for,F6-AMBER,,1.5,")
                .replace("F6 Reserves we look for,F6-GREEN,1,3,", "F6 Reserves we look for,F6-GREEN,1.5,3,");
        assertThat(edited).as("the reserves table as shipped").isNotEqualTo(reservesTable)
                .contains("F6 Reserves under what we look for,F6-AMBER,,1.5,").contains("F6 Reserves we look for,F6-GREEN,1.5,3,");
        return edited;
    }

    /**
     * Code, not a value: the reserves table's code row for its Points column (row 8) adds a point to
     * every reason. Compiles and passes the content check; only a rule author may upload it.
     */
    public static String reservesPointsCodeChanged(String reservesTable) {
        String edited = reservesTable.replace("Theme.FINANCIAL, $param).higherIsBetter", "Theme.FINANCIAL, $param + 1).higherIsBetter");
        assertThat(edited).as("the reserves table as shipped").isNotEqualTo(reservesTable);
        return edited;
    }

    /**
     * F1: green from a cover of 2.0 instead of 1.25, the amber band widening to meet it (issue 15's
     * example). Kept here alone so that it follows the table when its columns change.
     */
    public static String greenCoverFromTwo(String coverTable) {
        String edited = coverTable.replace("F1 Debt service cover from the minimum,F1-AMBER,1.0,1.25,", "F1 Debt service cover from the minimum,F1-AMBER,1.0,2.0,")
                .replace("F1 Debt service cover we look for,F1-GREEN,1.25,,", "F1 Debt service cover we look for,F1-GREEN,2.0,,");
        assertThat(edited).as("the cover table as shipped").isNotEqualTo(coverTable).contains("we look for,F1-GREEN,2.0,,")
                .contains("from the minimum,F1-AMBER,1.0,2.0,");
        return edited;
    }

    /** F1: green from a cover of 1.5 instead of 1.25, which the boundary scenarios at 1.25 do not allow. */
    public static String higherCoverThreshold(String coverTable) {
        String edited = coverTable.replace("F1 Debt service cover from the minimum,F1-AMBER,1.0,1.25,", "F1 Debt service cover from the minimum,F1-AMBER,1.0,1.5,")
                .replace("F1 Debt service cover we look for,F1-GREEN,1.25,,", "F1 Debt service cover we look for,F1-GREEN,1.5,,");
        assertThat(edited).as("the cover table as shipped").isNotEqualTo(coverTable).contains("we look for,F1-GREEN,1.5,,");
        return edited;
    }
}

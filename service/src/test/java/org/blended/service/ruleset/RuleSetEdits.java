package org.blended.service.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

/** The edits tests make to shipped decision tables, as a policy owner (or, for code, a rule author) would in a spreadsheet. */
public final class RuleSetEdits {

    public static final String RESERVES_TABLE = "reserves.drl.csv";
    static final String COVER_TABLE = "debt-service-cover.drl.csv";

    private RuleSetEdits() {
    }

    /**
     * F6: reserves rate amber under six weeks of expenditure instead of one month. Four examples
     * (1.2 to 1.45 months) drop from green to amber; every shipped Test Scenario still holds.
     */
    public static String higherMinimumReserves(String reservesTable) {
        String edited = reservesTable
                .replace("F6 Reserves under a month,\"-1000000000, 1\"", "F6 Reserves under six weeks,\"-1000000000, 1.5\"")
                .replace("F6 Reserves from one to three months,\"1, 3\"", "F6 Reserves from six weeks to three months,\"1.5, 3\"")
                .replace("under the one month we look for.", "under the six weeks we look for.")
                // the applicant's texts name our threshold beside their figure, so it follows the edit
                .replace("we look for at least a month.,1", "we look for at least six weeks.,1.5")
                .replace("at least one month.", "at least six weeks.")
                .replace("at least the month we look for;", "at least the six weeks we look for;");
        assertThat(edited).as("the reserves table as shipped").isNotEqualTo(reservesTable)
                .contains("\"-1000000000, 1.5\"").contains("\"1.5, 3\"").contains("at least six weeks.,1.5")
                .contains("at least the six weeks we look for;");
        return edited;
    }

    /**
     * Code, not a value: the reserves table's code row for its Points column (row 8) adds a point to
     * every reason. Compiles and passes the content check; only a rule author may upload it.
     */
    public static String reservesPointsCodeChanged(String reservesTable) {
        String edited = reservesTable.replace("reason.setPoints($param);", "reason.setPoints($param + 1);");
        assertThat(edited).as("the reserves table as shipped").isNotEqualTo(reservesTable);
        return edited;
    }

    /** F1: green from a cover of 1.5 instead of 1.25, which the boundary scenarios at 1.25 do not allow. */
    static String higherCoverThreshold(String coverTable) {
        String edited = coverTable.replace("\"1.0, 1.25\"", "\"1.0, 1.5\"").replace("\"1.25, 1000000000\"", "\"1.5, 1000000000\"");
        assertThat(edited).as("the cover table as shipped").isNotEqualTo(coverTable).contains("\"1.5, 1000000000\"");
        return edited;
    }
}

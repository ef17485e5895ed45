package org.blended.service.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

/** The edits tests make to shipped decision tables, as a policy owner would in a spreadsheet. */
final class RuleSetEdits {

    static final String REACH_TABLE = "reach.drl.csv";
    static final String COVER_TABLE = "debt-service-cover.drl.csv";

    private RuleSetEdits() {
    }

    /** I3: wide reach from 40 people per GBP 10k instead of 20 (the bakery and the boxing club, at 30, drop a band). */
    static String widerReachThreshold(String reachTable) {
        String edited = reachTable
                .replace("I3 Reach from 5 to 20 per 10k,\"5, 20\"", "I3 Reach from 5 to 40 per 10k,\"5, 40\"")
                .replace("I3 Reach of 20 or more per 10k,\"20, 1000000000\"", "I3 Reach of 40 or more per 10k,\"40, 1000000000\"")
                .replace("You reach many people for the amount requested.,20", "You reach many people for the amount requested.,40");
        assertThat(edited).as("the reach table as shipped").isNotEqualTo(reachTable).contains("\"40, 1000000000\"");
        return edited;
    }

    /** F1: green from a cover of 1.5 instead of 1.25, which the boundary scenarios at 1.25 do not allow. */
    static String higherCoverThreshold(String coverTable) {
        String edited = coverTable.replace("\"1.0, 1.25\"", "\"1.0, 1.5\"").replace("\"1.25, 1000000000\"", "\"1.5, 1000000000\"");
        assertThat(edited).as("the cover table as shipped").isNotEqualTo(coverTable).contains("\"1.5, 1000000000\"");
        return edited;
    }
}

package org.blended.service.ruleset.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.blended.service.ruleset.source.RuleSetFile;
import org.blended.service.ruleset.source.RuleSetProblem;
import org.junit.jupiter.api.Test;

/** A problem is shown where a policy owner looks for it: the table by its name, its rule rows counted from one, the column by its label. */
class ProblemPlacesTest {

    static final String TABLE = String.join("\n",
            "RuleSet,org.blended.rules.financial",
            "Import,org.blended.rules.assessment.*",
            "RuleTable F1 Debt service cover",
            "NAME,CONDITION,ACTION",
            ",$m: Metrics,",
            ",\"debtServiceCover >= $param\",reason.setPoints($param);",
            "Rule,Cover from,Points",
            "F1 red,,0",
            "F1 amber,1.0,1",
            "F1 green,1.25,3",
            "");

    final ProblemPlaces places = new ProblemPlaces(List.of(
            new RuleSetFile("org/blended/rules/financial/debt-service-cover.drl.csv", TABLE.getBytes(StandardCharsets.UTF_8)),
            new RuleSetFile("org/blended/rules/financial/accounts.drl", "package x;\n".getBytes(StandardCharsets.UTF_8))));

    @Test
    void aCellIsNamedByItsTableItsRuleRowAndItsColumnLabel() {
        ProblemPlaces.Shown shown = places.shown(new RuleSetProblem("debt-service-cover.drl.csv", "row 10, \"Cover from\"",
                "\"one\" is not a number"));
        assertThat(shown.place()).isEqualTo("Table F1 Debt service cover, row 3, column \"Cover from\" (spreadsheet row 10)");
        assertThat(shown.message()).isEqualTo("\"one\" is not a number.");
        assertThat(shown.sentence()).isEqualTo("Table F1 Debt service cover, row 3, column \"Cover from\" (spreadsheet row 10): "
                + "\"one\" is not a number.");
    }

    @Test
    void aRowOrARuleNamedByTheCompilerIsFoundInItsTable() {
        assertThat(places.shown(new RuleSetProblem("debt-service-cover.drl.csv", "row 9", "value too large")).place())
                .isEqualTo("Table F1 Debt service cover, row 2 (spreadsheet row 9)");
        assertThat(places.shown(new RuleSetProblem("debt-service-cover.drl.csv", "rule \"F1 green\"", "x")).place())
                .isEqualTo("Table F1 Debt service cover, row 3 (\"F1 green\")");
        assertThat(places.shown(new RuleSetProblem("debt-service-cover.drl.csv", "row 6, column C", "the code row changed")).place())
                .isEqualTo("Table F1 Debt service cover, its heading rows (spreadsheet row 6), column C");
    }

    @Test
    void aDrlFileKeepsItsLineAndAWholeFileProblemHasNoPlace() {
        assertThat(places.shown(new RuleSetProblem("accounts.drl", "line 7", "calls java.lang.System.exit")).sentence())
                .isEqualTo("accounts.drl, line 7: Calls java.lang.System.exit.");
        ProblemPlaces.Shown whole = places.shown(new RuleSetProblem("the rule set", null, "defines a class twice"));
        assertThat(whole.place()).isNull();
        assertThat(whole.sentence()).isEqualTo("the rule set: Defines a class twice.");
    }

    @Test
    void theCompilersWordsForACellAreSaidAsAPolicyOwnerWould() {
        assertThat(places.shown(new RuleSetProblem("debt-service-cover.drl.csv", "row 9",
                "The literal 99999999999 of type int is out of range")).sentence())
                .isEqualTo("Table F1 Debt service cover, row 2 (spreadsheet row 9): "
                        + "99999999999 is too large: this column takes whole numbers up to 2,147,483,647.");
    }
}

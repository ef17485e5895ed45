package org.blended.service.ruleset.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.blended.service.ruleset.source.RuleSetFile;
import org.blended.service.ruleset.source.RuleSetProblem;
import org.junit.jupiter.api.Test;

/** A text may name only what its reason can fill: an applicant must never read "{below}". */
class TextPlaceholdersTest {

    private static final String HEAD = """
            RuleSet,org.blended.rules.financial
            Import,"org.blended.rules.assessment.*, org.blended.rules.application.*"
            RULEFLOW-GROUP,criteria
            RuleTable F1 Debt service cover
            NAME,CONDITION,CONDITION,CONDITION,ACTION,ACTION
            ,$m: Metrics() $assessment: Assessment,Metrics,Metrics,,
            ,"$code : String.valueOf(""$param"")",debtServiceCover >= $param,debtServiceCover < $param,"Reason reason = Reason.points($code, ""F1"", Theme.FINANCIAL, 0).higherIsBetter($m.getDebtServiceCover()); reason.setTextTemplate(""$param"", $m.getDebtServiceCover());","reason.setApplicantText(""$param""); $assessment.addReason(reason.firedBy(drools));"
            Rule,Code,Cover from,Cover below,Officer text,Applicant text as written
            """;

    @Test
    void aTextNamesTheBoundsItsRowHasWithWordingsThereAre() {
        assertThat(problems("F1 red,F1-RED,,1.0,below the {below} minimum ({figure}; next band from {threshold}),Not covered.")).isEmpty();
        assertThat(problems("F1 green,F1-GREEN,1.25,,at least {from:percent} of {0},Covered.")).isEmpty();
    }

    @Test
    void aBoundTheRowHasNotIsNamedWithTheCell() {
        List<RuleSetProblem> problems = problems("F1 green,F1-GREEN,1.25,,below the {below} we look for,Covered.");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.where()).contains("row 9").contains("\"Officer text\"");
            assertThat(p.message()).isEqualTo("{below} names a bound this row does not have (it has {from})");
        });
    }

    @Test
    void unknownNamesAndWordingsAreRefused() {
        assertThat(problems("F1 green,F1-GREEN,1.25,,{from:weeks},Covered.")).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("{from:weeks} asks for a wording there is none of"));
        assertThat(problems("F1 green,F1-GREEN,1.25,,{minimum},Covered.")).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("{minimum} names nothing a reason has"));
    }

    @Test
    void aTextShownAsWrittenTakesNoPlaceholder() {
        assertThat(problems("F1 green,F1-GREEN,1.25,,ok,At least {from}.")).singleElement()
                .satisfies(p -> assertThat(p.message()).endsWith("has a placeholder, but this column's text is shown as written"));
    }

    private static List<RuleSetProblem> problems(String row) {
        return TableCellCheck.check(new RuleSetFile("org/blended/rules/financial/debt-service-cover.drl.csv",
                (HEAD + row + "\n").getBytes(StandardCharsets.UTF_8)));
    }
}

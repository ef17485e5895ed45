package org.blended.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.blended.rules.RuleBase.gbp;
import static org.blended.rules.RuleBase.sound;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.blended.rules.application.Application;
import org.blended.rules.application.FinancialYear;
import org.blended.rules.assessment.Assessment;
import org.blended.rules.assessment.Reason;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;

/**
 * A reason's text names its row's bounds as compiled, so changing a bound in a table changes the
 * text with it: nobody has to find the number again in the officer's or the applicant's sentence.
 */
class TextFollowsThresholdTest {

    private static final String TABLE = "financial/debt-service-cover.drl.csv";

    @Test
    void raisingTheCoverWeLookForChangesTheTextsThatNameIt() {
        Map<String, byte[]> files = FirstEditionTest.ruleFiles(Path.of("src/main/resources/org/blended/rules"));
        String table = new String(files.get(TABLE), StandardCharsets.UTF_8);
        // the owner types the new bound once, in the two cells where the amber band ends and the green begins
        String raised = table.replace("F1 Debt service cover from the minimum,F1-AMBER,1.0,1.25,", "F1 Debt service cover from the minimum,F1-AMBER,1.0,2.0,")
                .replace("F1 Debt service cover we look for,F1-GREEN,1.25,,", "F1 Debt service cover we look for,F1-GREEN,2.0,,");
        assertThat(raised).as("the bounds were found in " + TABLE).isNotEqualTo(table);
        files.put(TABLE, raised.getBytes(StandardCharsets.UTF_8));
        KieBase rules = FirstEditionTest.compile(files);

        Reason amber = reason(assess(rules, withCover(1.5)), "F1-AMBER");
        assertThat(amber.getText()).isEqualTo("Debt service cover is 1.5: it covers the repayments, but below the 2 we look for.");
        assertThat(amber.getThreshold()).isEqualTo(2.0);

        Reason green = reason(assess(rules, withCover(2.5)), "F1-GREEN");
        assertThat(green.getText()).isEqualTo("Debt service cover is 2.5: at or above the 2 we look for.");
        assertThat(green.getThreshold()).isNull();

        Reason red = reason(assess(rules, withCover(0.5)), "F1-RED");
        assertThat(red.getText()).contains("below the 1 minimum");
        assertThat(red.getThreshold()).isEqualTo(1.0);
    }

    @Test
    void theShippedTextsNameTheShippedBounds() {
        assertThat(reason(RuleBase.assess(withCover(1.5)), "F1-GREEN").getText())
                .isEqualTo("Debt service cover is 1.5: at or above the 1.25 we look for.");
        assertThat(reason(RuleBase.assess(withCover(1.1)), "F1-AMBER").getThreshold()).isEqualTo(1.25);
    }

    /** Cover = surplus / yearly repayments: GBP 48,000 over the sound application's term at no interest. */
    private static Application withCover(double cover) {
        Application application = sound();
        application.getRequest().setAmount(gbp(48_000));
        application.getRequest().setInterestRatePct(gbp(0));
        double yearlyRepayments = 48_000.0 * 12 / application.getRequest().getTermMonths();
        FinancialYear latest = RuleBase.latest(application);
        latest.setSurplus(gbp(cover * yearlyRepayments));
        latest.setDepreciation(gbp(0));
        latest.setInterest(gbp(0));
        return application;
    }

    private static Assessment assess(KieBase rules, Application application) {
        Assessment assessment = new Assessment(RuleBase.ASSESSED_ON);
        rules.newStatelessKieSession().execute(List.of(application, assessment));
        return assessment;
    }

    private static Reason reason(Assessment assessment, String code) {
        return RuleBase.reason(assessment, code);
    }
}

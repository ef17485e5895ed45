package org.blended.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.blended.rules.RuleBase.ASSESSED_ON;
import static org.blended.rules.RuleBase.assess;
import static org.blended.rules.RuleBase.gbp;
import static org.blended.rules.RuleBase.latest;
import static org.blended.rules.RuleBase.reason;
import static org.blended.rules.RuleBase.sound;

import java.util.ArrayList;
import java.util.List;

import org.blended.rules.application.Application;
import org.blended.rules.application.Purpose;
import org.blended.rules.assessment.Assessment;
import org.blended.rules.assessment.FinancialBand;
import org.blended.rules.assessment.Metrics;
import org.blended.rules.assessment.Outcome;
import org.blended.rules.assessment.Reason;
import org.junit.jupiter.api.Test;
import org.kie.api.runtime.KieSession;

/** F1-F6: affordability against the thresholds of the decision tables, each quoted in the reason. */
class FinancialRulesTest {

    /** Interest-free, GBP 48,000 over 48 months: GBP 12,000 a year to repay; cover is cash / 12,000. */
    private static Application withCashAvailable(double surplus) {
        Application application = sound();
        application.getRequest().setAmount(gbp(48_000));
        application.getRequest().setInterestRatePct(gbp(0));
        latest(application).setSurplus(gbp(surplus));
        latest(application).setDepreciation(gbp(0));
        latest(application).setInterest(gbp(0));
        return application;
    }

    @Test
    void debtServiceCoverExactlyOnTheThresholdIsGreen() {
        Assessment assessment = assess(withCashAvailable(15_000));

        Reason f1 = reason(assessment, "F1-GREEN");
        assertThat(f1.getText()).contains("1.25").contains("at or above the 1.25 we look for");
        assertThat(f1.getRating()).isEqualTo(FinancialBand.GREEN);
        assertThat(assessment.getFinancialBand()).isEqualTo(FinancialBand.GREEN);
    }

    @Test
    void debtServiceCoverJustBelowTheThresholdIsAmberAndTheWholeFinancialBandWithIt() {
        Assessment assessment = assess(withCashAvailable(14_880));

        assertThat(reason(assessment, "F1-AMBER").getText()).contains("1.24").contains("1.25");
        assertThat(reason(assessment, "F1-AMBER").getThreshold()).isEqualTo(1.25);
        assertThat(assessment.getFinancialBand()).isEqualTo(FinancialBand.AMBER);
    }

    @Test
    void coverBelowOneIsRed() {
        Assessment assessment = assess(withCashAvailable(11_000));

        assertThat(reason(assessment, "F1-RED").getText()).contains("0.92").contains("below the 1 minimum");
        assertThat(assessment.getFinancialBand()).isEqualTo(FinancialBand.RED);
        assertThat(assessment.getOutcome()).isIn(Outcome.REFER, Outcome.DECLINE);
    }

    @Test
    void theAssumedInterestRateComesFromThePolicyParametersTable() {
        KieSession session = RuleBase.CONTAINER.newKieSession("assessment");
        try {
            Application application = sound();
            session.insert(application);
            session.insert(new Assessment(ASSESSED_ON));
            session.fireAllRules();
            Metrics metrics = (Metrics) session.getObjects(o -> o instanceof Metrics).iterator().next();

            double monthly = 0.07 / 12;
            double expected = 12 * 60_000 * monthly / (1 - Math.pow(1 + monthly, -48));
            assertThat(metrics.getNewAnnualDebtService()).isCloseTo(expected, org.assertj.core.data.Offset.offset(0.01));
            assertThat(metrics.getDebtServiceCover()).isEqualTo(2.03);
        } finally {
            session.dispose();
        }
    }

    @Test
    void tradingHistoryIsCountedToTheAssessmentDate() {
        Application young = sound();
        young.getApplicant().setIncorporatedOn(ASSESSED_ON.minusMonths(6));
        Application short_ = sound();
        short_.getApplicant().setIncorporatedOn(ASSESSED_ON.minusMonths(18));
        Application exactlyTwo = sound();
        exactlyTwo.getApplicant().setIncorporatedOn(ASSESSED_ON.minusDays(731));

        assertThat(reason(assess(young), "F3-RED").getText()).contains("0.5 years").contains("under 1 year");
        assertThat(assess(short_).getReasonCodes()).contains("F3-AMBER");
        assertThat(reason(assess(exactlyTwo), "F3-GREEN").getText()).contains("2.0 years");
    }

    @Test
    void aLoanOverTwiceTurnoverIsRedAndOverOnceIsAmber() {
        Application twiceAndAHalf = sound();
        latest(twiceAndAHalf).setIncome(gbp(24_000));
        latest(twiceAndAHalf).setTradedIncome(gbp(20_000));
        Application oneAndAHalf = sound();
        latest(oneAndAHalf).setIncome(gbp(40_000));
        latest(oneAndAHalf).setTradedIncome(gbp(30_000));

        assertThat(reason(assess(twiceAndAHalf), "F4-RED").getText()).contains("2.5 times turnover");
        assertThat(reason(assess(oneAndAHalf), "F4-AMBER").getText()).contains("1.5 times turnover");
    }

    @Test
    void noTurnoverIsRed() {
        Application application = sound();
        latest(application).setIncome(gbp(0));
        latest(application).setTradedIncome(gbp(0));

        assertThat(reason(assess(application), "F4-NO-TURNOVER").getRating()).isEqualTo(FinancialBand.RED);
    }

    @Test
    void reservesUnderAMonthAreAmberAndThreeMonthsStrengthen() {
        Application thin = sound();
        latest(thin).setUnrestrictedReserves(gbp(11_250));
        Application strong = sound();
        latest(strong).setUnrestrictedReserves(gbp(67_500));

        assertThat(reason(assess(thin), "F6-AMBER").getText()).contains("0.5 months");
        Reason strengthens = reason(assess(strong), "F6-STRONG");
        assertThat(strengthens.getText()).contains("3.0 months").contains("strengthens");
        assertThat(strengthens.getPoints()).isEqualTo(2);
    }

    @Test
    void loanToValueIsJudgedForSecuredLoansOnly() {
        Application seventyFive = sound();
        seventyFive.getRequest().setSecured(true);
        seventyFive.getRequest().setSecurityValue(gbp(80_000));
        Application seventy = sound();
        seventy.getRequest().setSecured(true);
        seventy.getRequest().setSecurityValue(gbp(60_000 / 0.7));
        Application tooHigh = sound();
        tooHigh.getRequest().setSecured(true);
        tooHigh.getRequest().setSecurityValue(gbp(70_000));
        Application development = sound();
        development.getRequest().setSecured(true);
        development.getRequest().setSecurityValue(gbp(80_000));
        development.getRequest().setPurpose(Purpose.DEVELOPMENT);

        assertThat(reason(assess(seventyFive), "F2-AMBER").getText()).contains("75.0%").contains("70%");
        assertThat(assess(seventy).getReasonCodes()).contains("F2-GREEN");
        assertThat(reason(assess(tooHigh), "F2-RED").getText()).contains("85.71%").contains("80%");
        assertThat(assess(development).getReasonCodes()).contains("F2-GREEN");
        assertThat(assess(sound()).getReasonCodes()).doesNotContain("F2-");
    }

    @Test
    void noAccountsAtAllIsAClearRedReason() {
        Application application = sound();
        application.getFinancials().setYears(new ArrayList<>(List.of()));

        Assessment assessment = assess(application);

        Reason noAccounts = reason(assessment, "F1-NO-ACCOUNTS");
        assertThat(noAccounts.getRating()).isEqualTo(FinancialBand.RED);
        assertThat(noAccounts.getApplicantText()).contains("accounts");
        assertThat(assessment.getFinancialBand()).isEqualTo(FinancialBand.RED);
        assertThat(assessment.getReasonCodes()).doesNotContain("F1-GREEN", "F4-", "F6-");
    }

    @Test
    void theFinancialBandIsTheWorstRating() {
        Application application = withCashAvailable(14_880);   // F1 amber
        latest(application).setIncome(gbp(20_000));             // F4 red (2.4 times turnover)
        latest(application).setTradedIncome(gbp(20_000));

        Assessment assessment = assess(application);

        assertThat(assessment.getReasonCodes()).contains("F1-AMBER", "F4-RED");
        assertThat(assessment.getFinancialBand()).isEqualTo(FinancialBand.RED);
    }
}

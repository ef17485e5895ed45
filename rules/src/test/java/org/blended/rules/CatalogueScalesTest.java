package org.blended.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.blended.rules.RuleBase.assess;
import static org.blended.rules.RuleBase.claim;
import static org.blended.rules.RuleBase.reason;
import static org.blended.rules.RuleBase.sound;

import java.util.ArrayList;
import java.util.List;

import org.blended.rules.application.Application;
import org.blended.rules.application.Claim;
import org.blended.rules.application.EvidenceGrade;
import org.blended.rules.application.ImpactRisks;
import org.blended.rules.application.Measure;
import org.blended.rules.application.RiskLevel;
import org.blended.rules.assessment.Assessment;
import org.blended.rules.assessment.Effect;
import org.blended.rules.assessment.ImpactBand;
import org.junit.jupiter.api.Test;

/**
 * The catalogue's scales: E5 additionality 0-3 (0 lowers the impact band), I10 impact risks combined
 * into one band, and I6 local spend as a share of the year's spending.
 */
class CatalogueScalesTest {

    // --- E5 additionality, 0-3

    @Test
    void oneDeclineScoresTwoAndTwoDeclinesScoreThree() {
        Assessment one = assess(sound()); // declined by a high street bank
        assertThat(reason(one, "E5-ADDITIONAL").getPoints()).isEqualTo(2);
        assertThat(reason(one, "E5-ADDITIONAL").getText()).startsWith("Additionality: declined by high street bank");

        Application two = sound();
        two.getRequest().setDeclinedElsewhere(new ArrayList<>(List.of("high street bank", "building society")));
        Assessment assessment = assess(two);
        assertThat(reason(assessment, "E5-ADDITIONAL").getPoints()).isEqualTo(3);
        assertThat(assessment.getSocialValueScore()).isEqualTo(one.getSocialValueScore() + 1);
    }

    @Test
    void aRationaleAloneScoresOneAndNothingAtAllIsNotShownWithoutPenalty() {
        Application rationale = sound();
        rationale.getRequest().setDeclinedElsewhere(new ArrayList<>());
        rationale.getRequest().setAdditionalityRationale("Banks will not lend against a traineeship programme's income.");
        assertThat(reason(assess(rationale), "E5-SOME").getPoints()).isEqualTo(1);

        Application nothing = sound();
        nothing.getRequest().setDeclinedElsewhere(new ArrayList<>());
        Assessment assessment = assess(nothing);
        assertThat(reason(assessment, "E5-NOT-SHOWN").getPoints()).isZero();
        assertThat(assessment.getReasonCodes()).doesNotContain("E5-BAND-LOWERED");
        assertThat(assessment.getImpactBand()).isEqualTo(ImpactBand.HIGH);
    }

    @Test
    void anOfficersScoreOfNoneLowersTheImpactBandOneStepWhateverTheDeclines() {
        Application fundable = sound();
        fundable.getRequest().setAdditionality(0);

        Assessment assessment = assess(fundable);

        assertThat(reason(assessment, "E5-NOT-ADDITIONAL").getText()).contains("the lender's officer scored it 0 of 3");
        assertThat(reason(assessment, "E5-BAND-LOWERED").getText()).contains("from HIGH to MEDIUM");
        assertThat(reason(assessment, "E5-BAND-LOWERED").getEffect()).isEqualTo(Effect.NOTE);
        assertThat(assessment.getImpactBand()).isEqualTo(ImpactBand.MEDIUM);
        assertThat(assessment.getReasonCodes()).doesNotContain("E5-ADDITIONAL");
    }

    // --- I10 impact risk band

    @Test
    void impactRisksCombineIntoOneBand() {
        assertThat(assess(withRisks(RiskLevel.LOW, RiskLevel.LOW, RiskLevel.LOW, null)).getReasonCodes())
                .contains("I10-LOW-RISK").doesNotContain("I10-MEDIUM-RISK", "I10-HIGH-RISK");

        Assessment medium = assess(withRisks(RiskLevel.MEDIUM, RiskLevel.LOW, RiskLevel.MEDIUM, null));
        assertThat(reason(medium, "I10-MEDIUM-RISK").getPoints()).isZero();
        assertThat(reason(medium, "I10-MEDIUM-RISK").getText())
                .startsWith("Impact risks: evidence medium, execution low, drop-off medium.");

        Assessment high = assess(withRisks(RiskLevel.LOW, RiskLevel.HIGH, RiskLevel.LOW, RiskLevel.MEDIUM));
        assertThat(reason(high, "I10-HIGH-RISK").getPoints()).isEqualTo(-2);
        assertThat(high.getSocialValueScore()).isEqualTo(assess(sound()).getSocialValueScore() - 2);
    }

    @Test
    void noRisksRatedGivesNoImpactRiskReason() {
        assertThat(assess(sound()).getReasons()).noneMatch(r -> r.getCriterion().equals("I10"));
    }

    // --- I5 counting rules

    @Test
    void hiresWithoutARecruitmentProgrammeCountAsSelfReportedWhateverTheirRecords() {
        Application unnamed = sound();
        unnamed.getImpact().getClaims().add(claim(Measure.PRIORITY_GROUP_HIRES, 2, EvidenceGrade.RECORDS));
        Application named = sound();
        Claim hires = claim(Measure.PRIORITY_GROUP_HIRES, 2, EvidenceGrade.RECORDS);
        hires.setProgramme("Referrals from a resettlement charity");
        named.getImpact().getClaims().add(hires);

        Assessment withoutProgramme = assess(unnamed);
        assertThat(reason(withoutProgramme, "I5-PRIORITY-HIRES").getText()).contains("counted at 50%");
        assertThat(reason(withoutProgramme, "I5-NO-PROGRAMME").getEffect()).isEqualTo(Effect.NOTE);
        assertThat(reason(assess(named), "I5-PRIORITY-HIRES").getText()).contains("counted at 80%");
        assertThat(assess(named).getReasonCodes()).doesNotContain("I5-NO-PROGRAMME");
    }

    @Test
    void moreHiresThanJobsAreFlaggedAsCountedTwice() {
        Application application = sound(); // 3 jobs created
        Claim hires = claim(Measure.PRIORITY_GROUP_HIRES, 4, EvidenceGrade.RECORDS);
        hires.setProgramme("Referrals from a resettlement charity");
        application.getImpact().getClaims().add(hires);

        assertThat(reason(assess(application), "I5-MORE-HIRES-THAN-JOBS").getText()).contains("4.0 FTE").contains("3.0 FTE");
        assertThat(assess(sound()).getReasonCodes()).doesNotContain("I5-MORE-HIRES-THAN-JOBS");
    }

    // --- I6 local spend as a share of spending

    @Test
    void localSpendIsBandedByItsShareOfTheYearsSpending() {
        // 270,000 spent in the year; a claim counts at 0.75 x 0.75 x 0.8 = 0.45 of its gross
        assertThat(reason(assess(localSpend(60_000)), "I6-LOCAL-SPEND").getPoints()).isEqualTo(1); // 10%
        assertThat(reason(assess(localSpend(60_000)), "I6-LOCAL-SPEND").getFigure()).isEqualTo(10.0);
        assertThat(reason(assess(localSpend(150_000)), "I6-LOCAL-SPEND").getPoints()).isEqualTo(2); // exactly 25%
        assertThat(reason(assess(localSpend(20_000)), "I6-LITTLE-LOCAL-SPEND").getPoints()).isZero(); // 3.3%
    }

    @Test
    void localSpendWithoutAccountsIsCountedButNotScaled() {
        Application noAccounts = localSpend(60_000);
        noAccounts.getFinancials().setYears(new ArrayList<>());

        org.blended.rules.assessment.Reason unscaled = reason(assess(noAccounts), "I6-LOCAL-SPEND-UNSCALED");
        assertThat(unscaled.getEffect()).isEqualTo(Effect.NOTE);
        assertThat(unscaled.getText()).contains("without accounts");
    }

    private static Application withRisks(RiskLevel evidence, RiskLevel execution, RiskLevel dropOff, RiskLevel external) {
        Application application = sound();
        ImpactRisks risks = new ImpactRisks();
        risks.setEvidence(evidence);
        risks.setExecution(execution);
        risks.setDropOff(dropOff);
        risks.setExternal(external);
        application.getImpact().setImpactRisks(risks);
        return application;
    }

    private static Application localSpend(double gross) {
        Application application = sound();
        application.getImpact().getClaims().add(claim(Measure.LOCAL_SPEND, gross, EvidenceGrade.RECORDS));
        return application;
    }
}

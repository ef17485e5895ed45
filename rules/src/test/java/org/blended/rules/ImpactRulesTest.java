package org.blended.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.blended.rules.RuleBase.assess;
import static org.blended.rules.RuleBase.claim;
import static org.blended.rules.RuleBase.reason;
import static org.blended.rules.RuleBase.sound;

import java.util.ArrayList;
import java.util.List;

import org.blended.rules.application.Application;
import org.blended.rules.application.BeneficiaryGroup;
import org.blended.rules.application.EvidenceGrade;
import org.blended.rules.application.Measure;
import org.blended.rules.assessment.Assessment;
import org.blended.rules.assessment.Effect;
import org.blended.rules.assessment.ImpactBand;
import org.blended.rules.assessment.Outcome;
import org.blended.rules.assessment.Reason;
import org.junit.jupiter.api.Test;

/** I1-I12 and E5: the social value points, net of contribution and weighted by evidence. */
class ImpactRulesTest {

    @Test
    void theSocialValueScoreIsTheSumOfTheSocialValuePointsAndSetsTheImpactBand() {
        Assessment assessment = assess(sound());

        int socialPoints = assessment.getReasons().stream()
                .filter(r -> r.getEffect() == Effect.POINTS && r.getTheme().isSocialValue()).mapToInt(Reason::getPoints).sum();
        assertThat(assessment.getSocialValueScore()).isEqualTo(socialPoints).isEqualTo(14);
        assertThat(assessment.getImpactBand()).isEqualTo(ImpactBand.HIGH);
        assertThat(assessment.getReasonCodes()).contains("I1-CLEAR", "I2-PRIORITY-GROUPS", "I2-MOST-DEPRIVED",
                "I3-WIDE-REACH", "I4-JOBS-CREATED", "E5-ADDITIONAL", "I12-INVOLVED");
    }

    @Test
    void aTheoryOfChangeCountsForMoreThanOutcomeAreasAlone() {
        Application without = sound();
        without.getImpact().setTheoryOfChange(null);

        Assessment assessment = assess(without);

        assertThat(reason(assessment, "I1-NO-THEORY").getPoints()).isLessThan(reason(assess(sound()), "I1-CLEAR").getPoints());
        assertThat(assessment.getSocialValueScore()).isEqualTo(13);
    }

    @Test
    void deprivedAreasAndGroupsFacingDisadvantageEarnAnUplift() {
        Application decile5 = sound();
        decile5.getImpact().setAreaDeprivationDecile(5);
        decile5.getImpact().setBeneficiaryGroups(new ArrayList<>(List.of(BeneficiaryGroup.GENERAL_PUBLIC)));

        Assessment assessment = assess(decile5);

        assertThat(reason(assessment, "I2-OTHER-AREA").getText()).contains("decile 5");
        assertThat(assessment.getReasonCodes()).doesNotContain("I2-PRIORITY-GROUPS", "I2-MOST-DEPRIVED");
        assertThat(assessment.getSocialValueScore()).isEqualTo(14 - 3 - 2);
        assertThat(assessment.getImpactBand()).isEqualTo(ImpactBand.MEDIUM);
    }

    @Test
    void reachIsTieredPerTenThousandPoundsRequested() {
        Application five = sound();
        five.getImpact().setPeopleReachedPerYear(30);       // 30 / 6 = 5.0 per GBP 10k: exactly on the threshold
        Application under = sound();
        under.getImpact().setPeopleReachedPerYear(3);       // 0.5 per GBP 10k

        Reason good = reason(assess(five), "I3-GOOD-REACH");
        assertThat(good.getText()).contains("5.0");
        assertThat(good.getPoints()).isEqualTo(2);
        assertThat(reason(assess(under), "I3-LOW-REACH").getPoints()).isZero();
    }

    @Test
    void claimsAreCountedNetOfContributionAndWeightedByEvidenceAndTheWorkingIsStated() {
        Reason jobs = reason(assess(sound()), "I4-JOBS-CREATED");

        // 3 FTE x (1 - 25%) x (1 - 25%) x (1 - 0%) = 1.69, x 80% for records = 1.35
        assertThat(jobs.getText()).contains("3.0 FTE claimed, x (1 - 25% deadweight) x (1 - 25% attribution) x (1 - 0% displacement) = 1.69 after deadweight, attribution and displacement")
                .contains("1.35 counted at 80% for records evidence");
        assertThat(jobs.getPoints()).isEqualTo(1);
    }

    @Test
    void priorityGroupHiresCountAndSelfReportedOnesAreDiscountedAndFlagged() {
        Application recorded = sound();
        org.blended.rules.application.Claim hires = claim(Measure.PRIORITY_GROUP_HIRES, 3, EvidenceGrade.RECORDS);
        hires.setProgramme("Referrals from the Jobcentre Plus work coach team");
        recorded.getImpact().getClaims().add(hires);
        Application selfReported = sound();
        selfReported.getImpact().getClaims().add(claim(Measure.PRIORITY_GROUP_HIRES, 3, EvidenceGrade.SELF_REPORTED));

        Reason counted = reason(assess(recorded), "I5-PRIORITY-HIRES");
        Assessment discountedAssessment = assess(selfReported);
        Reason discounted = reason(discountedAssessment, "I5-PRIORITY-HIRES");

        assertThat(counted.getText()).contains("1.35 counted at 80%");
        assertThat(discounted.getText()).contains("0.84 counted at 50% for self reported evidence");
        assertThat(discounted.getPoints()).isLessThan(counted.getPoints());
        assertThat(reason(discountedAssessment, "I11-SELF-REPORTED-PRIORITY_GROUP_HIRES").getText()).contains("50%").contains("80%");
        assertThat(RuleBase.conditions(discountedAssessment)).extracting(Reason::getCode).contains("D1-EVIDENCE-HIRES");
    }

    @Test
    void weakEvidenceNeverDeclinesByItself() {
        Application application = sound();
        application.getImpact().setClaims(new ArrayList<>(List.of(
                claim(Measure.JOBS_CREATED, 3, EvidenceGrade.SELF_REPORTED),
                claim(Measure.PEOPLE_SUPPORTED, 180, EvidenceGrade.SELF_REPORTED))));

        Assessment assessment = assess(application);

        assertThat(assessment.getReasons()).filteredOn(r -> r.getCriterion().equals("I11"))
                .isNotEmpty().allMatch(r -> r.getEffect() == Effect.NOTE);
        assertThat(assessment.getOutcome()).isEqualTo(Outcome.APPROVE);
    }

    @Test
    void financeThatIsReadilyAvailableElsewhereAddsNoImpact() {
        Application application = sound();
        application.getRequest().setDeclinedElsewhere(new ArrayList<>());

        Assessment assessment = assess(application);

        assertThat(reason(assessment, "E5-NOT-SHOWN").getPoints()).isZero();
        assertThat(assessment.getSocialValueScore()).isEqualTo(14 - 2);
        assertThat(reason(assess(sound()), "E5-ADDITIONAL").getText()).contains("high street bank");
    }

    @Test
    void beneficiaryVoiceIsRated() {
        Application govern = sound();
        govern.getImpact().setStakeholderVoice(3);
        Application none = sound();
        none.getImpact().setStakeholderVoice(0);

        assertThat(reason(assess(govern), "I12-GOVERN").getPoints()).isEqualTo(2);
        assertThat(reason(assess(none), "I12-NO-VOICE").getPoints()).isZero();
    }
}

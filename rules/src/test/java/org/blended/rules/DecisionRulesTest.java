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
import org.blended.rules.application.BeneficiaryGroup;
import org.blended.rules.application.LegalForm;
import org.blended.rules.application.Measure;
import org.blended.rules.assessment.Assessment;
import org.blended.rules.assessment.Effect;
import org.blended.rules.assessment.FinancialBand;
import org.blended.rules.assessment.ImpactBand;
import org.blended.rules.assessment.Outcome;
import org.blended.rules.assessment.Reason;
import org.junit.jupiter.api.Test;
import org.kie.api.runtime.KieSession;

/** D1: bands, the matrix, hard stops and conditions, and the reasons as a whole. */
class DecisionRulesTest {

    @Test
    void greenFinancesWithHighImpactApprove() {
        Assessment assessment = assess(sound());

        assertThat(assessment.getFinancialBand()).isEqualTo(FinancialBand.GREEN);
        assertThat(assessment.getImpactBand()).isEqualTo(ImpactBand.HIGH);
        assertThat(assessment.getOutcome()).isEqualTo(Outcome.APPROVE);
    }

    @Test
    void amberFinancesWithHighImpactApproveWithConditionsAndMonitoring() {
        Application application = sound();
        latest(application).setUnrestrictedReserves(gbp(11_250));   // F6 amber, the rest green

        Assessment assessment = assess(application);

        assertThat(assessment.getFinancialBand()).isEqualTo(FinancialBand.AMBER);
        assertThat(assessment.getOutcome()).isEqualTo(Outcome.APPROVE_WITH_CONDITIONS);
        assertThat(reason(assessment, "D1-MONITORING").getEffect()).isEqualTo(Effect.CONDITION);
    }

    @Test
    void greenFinancesWithLowImpactAreReferred() {
        Application application = sound();
        application.getImpact().setAreaDeprivationDecile(8);
        application.getImpact().setBeneficiaryGroups(new ArrayList<>(List.of(BeneficiaryGroup.GENERAL_PUBLIC)));
        application.getImpact().setPeopleReachedPerYear(3);
        application.getRequest().setDeclinedElsewhere(new ArrayList<>());

        Assessment assessment = assess(application);

        assertThat(assessment.getImpactBand()).isEqualTo(ImpactBand.LOW);
        assertThat(assessment.getOutcome()).isEqualTo(Outcome.REFER);
    }

    @Test
    void redFinancesWithMediumImpactDeclineWithReadinessSupport() {
        Application application = sound();
        application.getApplicant().setIncorporatedOn(ASSESSED_ON.minusMonths(6));
        application.getImpact().setAreaDeprivationDecile(5);

        Assessment assessment = assess(application);

        assertThat(assessment.getFinancialBand()).isEqualTo(FinancialBand.RED);
        assertThat(assessment.getImpactBand()).isEqualTo(ImpactBand.MEDIUM);
        assertThat(assessment.getOutcome()).isEqualTo(Outcome.DECLINE);
        assertThat(assessment.getReasonCodes()).contains("D1-READINESS");
    }

    @Test
    void exceptionalImpactEarnsConcessionaryTerms() {
        Application application = sound();
        application.getImpact().setStakeholderVoice(3);
        application.getImpact().getClaims().add(RuleBase.claim(Measure.GHG_AVOIDED, 200, org.blended.rules.application.EvidenceGrade.INDEPENDENTLY_VERIFIED));

        Assessment assessment = assess(application);

        assertThat(assessment.getImpactBand()).isEqualTo(ImpactBand.EXCEPTIONAL);
        assertThat(assessment.getReasonCodes()).contains("D1-CONCESSIONARY");
    }

    @Test
    void aHardStopDeclinesHoweverGoodTheRestIs() {
        Application application = sound();
        application.getApplicant().setLegalForm(LegalForm.SOLE_TRADER);

        Assessment assessment = assess(application);

        assertThat(assessment.getFinancialBand()).isEqualTo(FinancialBand.GREEN);
        assertThat(assessment.getImpactBand()).isEqualTo(ImpactBand.HIGH);
        assertThat(assessment.getOutcome()).isEqualTo(Outcome.DECLINE);
    }

    @Test
    void everyReasonNamesItsRuleAndSaysWhyInTwoVoices() {
        Application application = sound();
        application.getApplicant().setPowerToBorrow(false);

        Assessment assessment = assess(application);

        assertThat(assessment.getReasons()).hasSizeGreaterThan(10).allSatisfy(r -> {
            assertThat(r.getRule()).as(r.getCode()).isNotBlank();
            assertThat(r.getText()).as(r.getCode()).isNotBlank();
            assertThat(r.getApplicantText()).as(r.getCode()).isNotBlank().doesNotContain(r.getCode())
                    .doesNotContainPattern("[A-Z]\\d+-");
        });
        assertThat(reason(assessment, "E3-NO-POWER-TO-BORROW").getRule()).isEqualTo("E3 No power to borrow is a condition before drawdown");
        assertThat(reason(assessment, "F1-GREEN").getRule()).isEqualTo("F1 Debt service cover we look for");
    }

    @Test
    void theReasonsAreInReportingOrder() {
        List<Reason> reasons = assess(sound()).getReasons();

        assertThat(reasons).isSortedAccordingTo(Assessment.REPORTING_ORDER);
    }

    @Test
    void theSameInputGivesTheSameReasonsEveryTime() {
        List<String> first = describe(assess(sound()));

        for (int i = 0; i < 10; i++) {
            assertThat(describe(assess(sound()))).isEqualTo(first);
        }
    }

    @Test
    void theStatefulSessionReachesTheSameAssessment() {
        KieSession session = RuleBase.CONTAINER.newKieSession("assessment");
        Assessment stateful = new Assessment(ASSESSED_ON);
        try {
            session.insert(sound());
            session.insert(stateful);
            session.fireAllRules();
        } finally {
            session.dispose();
        }

        assertThat(describe(stateful)).isEqualTo(describe(assess(sound())));
    }

    private static List<String> describe(Assessment a) {
        List<String> lines = new ArrayList<>();
        lines.add(a.getOutcome() + " " + a.getFinancialBand() + " " + a.getImpactBand() + " " + a.getScores());
        a.getReasons().forEach(r -> lines.add(r.getCode() + "|" + r.getEffect() + "|" + r.getPoints() + "|" + r.getRating()
                + "|" + r.getText() + "|" + r.getApplicantText() + "|" + r.getRule()));
        return lines;
    }
}

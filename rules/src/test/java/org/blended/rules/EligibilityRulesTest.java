package org.blended.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.blended.rules.RuleBase.assess;
import static org.blended.rules.RuleBase.gbp;
import static org.blended.rules.RuleBase.latest;
import static org.blended.rules.RuleBase.reason;
import static org.blended.rules.RuleBase.sound;

import org.blended.rules.application.Application;
import org.blended.rules.application.LegalForm;
import org.blended.rules.assessment.Assessment;
import org.blended.rules.assessment.Effect;
import org.blended.rules.assessment.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** E1-E4: who can borrow at all, and what must be fixed before drawdown. */
class EligibilityRulesTest {

    @Test
    void theSoundApplicationIsEligibleAndApproved() {
        Assessment assessment = assess(sound());

        assertThat(assessment.getOutcome()).as(assessment.getReasonCodes()).isEqualTo(Outcome.APPROVE);
        assertThat(assessment.getReasonCodes()).contains("E1-SOCIAL-FORM", "E4-TRADING");
        assertThat(assessment.getReasons()).noneMatch(r -> r.getEffect() == Effect.HARD_STOP || r.getEffect() == Effect.CONDITION);
    }

    @ParameterizedTest
    @EnumSource(value = LegalForm.class, names = {"SOLE_TRADER", "PARTNERSHIP", "UNINCORPORATED"})
    void unincorporatedFormsAreAHardStopAndArePointedToReadinessSupport(LegalForm form) {
        Application application = sound();
        application.getApplicant().setLegalForm(form);

        Assessment assessment = assess(application);

        assertThat(assessment.getOutcome()).isEqualTo(Outcome.DECLINE);
        assertThat(reason(assessment, "E1-INELIGIBLE-FORM").getEffect()).isEqualTo(Effect.HARD_STOP);
        assertThat(reason(assessment, "E1-INELIGIBLE-FORM").getText()).contains(form.name());
        assertThat(reason(assessment, "D1-READINESS").getEffect()).isEqualTo(Effect.NOTE);
        assertThat(reason(assessment, "D1-READINESS").getApplicantText()).contains("readiness support");
    }

    @ParameterizedTest
    @EnumSource(value = LegalForm.class, names = {"CIC", "CIO", "CHARITY", "CBS"})
    void regulatedFormsPass(LegalForm form) {
        Application application = sound();
        application.getApplicant().setLegalForm(form);
        application.getApplicant().setMaxProfitDistributionPct(gbp(0));

        Assessment assessment = assess(application);

        assertThat(assessment.getReasonCodes()).contains("E1-SOCIAL-FORM");
        assertThat(assessment.getOutcome()).isEqualTo(Outcome.APPROVE);
    }

    @Test
    void aCompanyLimitedByGuaranteePassesOnlyWithAnAssetLock() {
        Application locked = sound();
        locked.getApplicant().setLegalForm(LegalForm.CLG);
        Application unlocked = sound();
        unlocked.getApplicant().setLegalForm(LegalForm.CLG);
        unlocked.getApplicant().setAssetLock(false);

        assertThat(assess(locked).getReasonCodes()).contains("E1-LOCKED-COMPANY");
        assertThat(assess(locked).getOutcome()).isEqualTo(Outcome.APPROVE);
        Assessment declined = assess(unlocked);
        assertThat(declined.getOutcome()).isEqualTo(Outcome.DECLINE);
        assertThat(declined.getReasonCodes()).contains("E1-UNLOCKED-COMPANY", "D1-READINESS");
    }

    @Test
    void anotherLegalFormIsCheckedByAnOfficerNotDeclined() {
        Application application = sound();
        application.getApplicant().setLegalForm(LegalForm.OTHER);

        Assessment assessment = assess(application);

        assertThat(reason(assessment, "E1-OTHER-FORM").getEffect()).isEqualTo(Effect.CONDITION);
        assertThat(assessment.getOutcome()).isEqualTo(Outcome.APPROVE_WITH_CONDITIONS);
    }

    @Test
    void theProfitDistributionCapsComeFromTheParametersTableAndAreQuoted() {
        Application cic = sound();
        cic.getApplicant().setMaxProfitDistributionPct(gbp(36));
        Application cbs = sound();
        cbs.getApplicant().setLegalForm(LegalForm.CBS);
        cbs.getApplicant().setMaxProfitDistributionPct(gbp(50));

        Assessment overCap = assess(cic);
        assertThat(overCap.getOutcome()).isEqualTo(Outcome.DECLINE);
        assertThat(reason(overCap, "E2-DISTRIBUTION-OVER-CAP").getText()).contains("36.0%").contains("35.0%");
        assertThat(assess(cbs).getReasonCodes()).doesNotContain("E2-");
    }

    @Test
    void noPowerToBorrowIsAConditionBeforeDrawdown() {
        Application application = sound();
        application.getApplicant().setPowerToBorrow(false);

        Assessment assessment = assess(application);

        assertThat(assessment.getOutcome()).isEqualTo(Outcome.APPROVE_WITH_CONDITIONS);
        assertThat(reason(assessment, "E3-NO-POWER-TO-BORROW").getEffect()).isEqualTo(Effect.CONDITION);
        assertThat(RuleBase.conditions(assessment)).extracting(r -> r.getCode()).containsExactly("E3-NO-POWER-TO-BORROW");
    }

    @Test
    void noPowerToChargeBlocksOnlyASecuredLoan() {
        Application unsecured = sound();
        unsecured.getApplicant().setPowerToCharge(false);
        Application secured = sound();
        secured.getApplicant().setPowerToCharge(false);
        secured.getRequest().setSecured(true);
        secured.getRequest().setSecurityValue(gbp(120_000));

        assertThat(assess(unsecured).getReasonCodes()).doesNotContain("E3-NO-POWER-TO-CHARGE");
        assertThat(assess(unsecured).getOutcome()).isEqualTo(Outcome.APPROVE);
        Assessment blocked = assess(secured);
        assertThat(reason(blocked, "E3-NO-POWER-TO-CHARGE").getEffect()).isEqualTo(Effect.HARD_STOP);
        assertThat(blocked.getOutcome()).isEqualTo(Outcome.DECLINE);
    }

    @Test
    void aSocialEnterpriseTradingForLessThanHalfItsIncomeHasAConditionNotADecline() {
        Application application = sound();
        latest(application).setTradedIncome(gbp(90_000));

        Assessment assessment = assess(application);

        assertThat(reason(assessment, "E4-LOW-TRADED-INCOME").getEffect()).isEqualTo(Effect.CONDITION);
        assertThat(reason(assessment, "E4-LOW-TRADED-INCOME").getText()).contains("30.0%").contains("50%");
        assertThat(assessment.getOutcome()).isEqualTo(Outcome.APPROVE_WITH_CONDITIONS);
    }

    @Test
    void registeredCharitiesAreExemptFromTheTradedIncomeTest() {
        Application application = sound();
        application.getApplicant().setLegalForm(LegalForm.CIO);
        application.getApplicant().setMaxProfitDistributionPct(gbp(0));
        latest(application).setTradedIncome(gbp(0));

        Assessment assessment = assess(application);

        assertThat(assessment.getReasonCodes()).doesNotContain("E4-");
        assertThat(assessment.getOutcome()).isEqualTo(Outcome.APPROVE);
    }
}

package org.blended.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.blended.rules.application.Adjustments;
import org.blended.rules.application.Applicant;
import org.blended.rules.application.Application;
import org.blended.rules.application.BeneficiaryGroup;
import org.blended.rules.application.Board;
import org.blended.rules.application.Claim;
import org.blended.rules.application.EvidenceGrade;
import org.blended.rules.application.FinancialYear;
import org.blended.rules.application.Financials;
import org.blended.rules.application.Impact;
import org.blended.rules.application.LegalForm;
import org.blended.rules.application.LoanRequest;
import org.blended.rules.application.Measure;
import org.blended.rules.application.OutcomeArea;
import org.blended.rules.application.Purpose;
import org.blended.rules.application.RequestType;
import org.blended.rules.assessment.Assessment;
import org.blended.rules.assessment.Reason;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieContainer;

/**
 * The rule base from the classpath, built once for all tests, run the way the service runs it
 * (a stateless session with the application and an empty assessment), and a sound application
 * that each test changes in one respect.
 */
final class RuleBase {

    static final LocalDate ASSESSED_ON = LocalDate.of(2026, 11, 25);
    static final KieContainer CONTAINER = KieServices.get().getKieClasspathContainer();
    static final KieBase RULES = CONTAINER.getKieBase("blended");

    private RuleBase() {
    }

    /** As the service does it: no listener, no extra commands; every rule must still fire. */
    static Assessment assess(Application application) {
        return assess(application, ASSESSED_ON);
    }

    static Assessment assess(Application application, LocalDate on) {
        Assessment assessment = new Assessment(on);
        RULES.newStatelessKieSession().execute(List.of(application, assessment));
        return assessment;
    }

    static Reason reason(Assessment assessment, String code) {
        return assessment.getReasons().stream().filter(r -> r.getCode().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no reason " + code + " among " + assessment.getReasonCodes()));
    }

    static List<Reason> conditions(Assessment assessment) {
        return assessment.getReasons().stream().filter(r -> r.getEffect() == org.blended.rules.assessment.Effect.CONDITION).toList();
    }

    static BigDecimal gbp(double v) {
        return BigDecimal.valueOf(v);
    }

    /**
     * A CIC trading since 2015 asking for GBP 60,000 over 48 months at the assumed 7%: debt
     * service cover 2.03, loan 0.2 times turnover, two months of reserves (all green); clear
     * theory of change, most deprived decile, 30 people per GBP 10k, 3 jobs on records, declined
     * by a bank, beneficiaries involved: 14 social value points (high). Outcome APPROVE.
     */
    static Application sound() {
        Applicant applicant = new Applicant();
        applicant.setLegalName("Test Bakery CIC");
        applicant.setLegalForm(LegalForm.CIC);
        applicant.setCompanyNumber("01234567");
        applicant.setIncorporatedOn(LocalDate.of(2015, 1, 1));
        applicant.setAssetLock(true);
        applicant.setMaxProfitDistributionPct(gbp(35));
        applicant.setPowerToBorrow(true);
        applicant.setPowerToCharge(true);
        Board board = new Board();
        board.setMembers(6);
        board.setMeetingsPerYear(6);
        board.setAttendanceBand("75-100");
        board.setUserTrustees(1);
        applicant.setBoard(board);

        LoanRequest request = new LoanRequest();
        request.setType(RequestType.LOAN);
        request.setAmount(gbp(60_000));
        request.setTermMonths(48);
        request.setPurpose(Purpose.WORKING_CAPITAL);
        request.setSecured(false);
        request.setDeclinedElsewhere(new ArrayList<>(List.of("high street bank")));

        FinancialYear year = new FinancialYear();
        year.setYear(2025);
        year.setIncome(gbp(300_000));
        year.setTradedIncome(gbp(240_000));
        year.setExpenditure(gbp(270_000));
        year.setSurplus(gbp(30_000));
        year.setDepreciation(gbp(5_000));
        year.setInterest(gbp(0));
        year.setNetAssets(gbp(80_000));
        year.setUnrestrictedReserves(gbp(45_000));
        Financials financials = new Financials();
        financials.setYears(new ArrayList<>(List.of(year)));
        financials.setExistingAnnualDebtService(gbp(0));

        Impact impact = new Impact();
        impact.setOutcomeAreas(new ArrayList<>(List.of(OutcomeArea.EMPLOYMENT_EDUCATION_TRAINING)));
        impact.setBeneficiaryGroups(new ArrayList<>(List.of(BeneficiaryGroup.NEET)));
        impact.setTheoryOfChange("Paid traineeships in the bakery lead young people into sustained jobs.");
        impact.setAreaDeprivationDecile(2);
        impact.setPeopleReachedPerYear(180);
        impact.setClaims(new ArrayList<>(List.of(claim(Measure.JOBS_CREATED, 3, EvidenceGrade.RECORDS))));
        Adjustments adjustments = new Adjustments();
        adjustments.setDeadweightPct(25);
        adjustments.setAttributionPct(25);
        adjustments.setDisplacementPct(0);
        impact.setAdjustments(adjustments);
        impact.setStakeholderVoice(2);

        Application application = new Application();
        application.setLenderReference("TEST-1");
        application.setApplicant(applicant);
        application.setRequest(request);
        application.setFinancials(financials);
        application.setImpact(impact);
        return application;
    }

    static Claim claim(Measure measure, double value, EvidenceGrade evidence) {
        Claim claim = new Claim();
        claim.setMeasure(measure);
        claim.setValue(gbp(value));
        claim.setUnit(measure.getUnit());
        claim.setEvidence(evidence);
        return claim;
    }

    static FinancialYear latest(Application application) {
        return application.getFinancials().getLatestYear();
    }
}

package org.blended.rules.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.blended.rules.application.Application;
import org.blended.rules.application.FinancialYear;

/**
 * Figures derived from an application that the financial criteria compare with their thresholds.
 * Pure arithmetic, no policy: the thresholds and the assumed interest rate come from the rule set.
 * Ratios are rounded to two decimals so that a reason quotes exactly the figure that was compared.
 */
public class Metrics {

    private double tradingYears;
    private Double debtServiceCover;
    private Double loanToTurnover;
    private Double reservesMonths;
    private Double tradedIncomePct;
    private Double loanToValuePct;
    private Double peoplePer10k;
    private double newAnnualDebtService;
    private boolean accountsPresent;
    private Double expenditure;

    public Metrics() {
    }

    /**
     * @param assessedOn the evaluation date (an input, never the clock)
     * @param assumedRatePct the annual rate used when the application states none
     */
    public static Metrics of(Application application, LocalDate assessedOn, double assumedRatePct) {
        Metrics m = new Metrics();
        var request = application.getRequest();
        var applicant = application.getApplicant();
        m.tradingYears = round(ChronoUnit.DAYS.between(applicant.getIncorporatedOn(), assessedOn) / 365.25);

        double amount = request.getAmount().doubleValue();
        double ratePct = request.getInterestRatePct() != null ? request.getInterestRatePct().doubleValue() : assumedRatePct;
        m.newAnnualDebtService = round(annualRepayment(amount, ratePct, request.getTermMonths()));

        if (Boolean.TRUE.equals(request.getSecured()) && request.getSecurityValue() != null
                && request.getSecurityValue().signum() > 0) {
            m.loanToValuePct = round(100 * amount / request.getSecurityValue().doubleValue());
        }

        Integer people = application.getImpact().getPeopleReachedPerYear();
        m.peoplePer10k = people == null ? null : round(people / (amount / 10_000));

        FinancialYear latest = application.getFinancials().getLatestYear();
        m.accountsPresent = latest != null;
        if (latest != null) {
            double income = latest.getIncome().doubleValue();
            double expenditure = latest.getExpenditure().doubleValue();
            double cashAvailable = latest.getSurplus().doubleValue() + value(latest.getInterest()) + value(latest.getDepreciation());
            double debtService = m.newAnnualDebtService + value(application.getFinancials().getExistingAnnualDebtService());
            m.debtServiceCover = debtService > 0 ? round(cashAvailable / debtService) : null;
            m.loanToTurnover = income > 0 ? round(amount / income) : null;
            m.tradedIncomePct = income > 0 ? round(100 * latest.getTradedIncome().doubleValue() / income) : null;
            m.expenditure = expenditure > 0 ? expenditure : null;
            m.reservesMonths = expenditure > 0 && latest.getUnrestrictedReserves() != null
                    ? round(12 * latest.getUnrestrictedReserves().doubleValue() / expenditure) : null;
        }
        return m;
    }

    /** Level annual repayment of an amortising loan (annuity formula); interest-free is straight line. */
    static double annualRepayment(double amount, double ratePct, int termMonths) {
        double monthlyRate = ratePct / 100 / 12;
        double monthly = monthlyRate == 0 ? amount / termMonths
                : amount * monthlyRate / (1 - Math.pow(1 + monthlyRate, -termMonths));
        return 12 * monthly;
    }

    private static double value(BigDecimal v) {
        return v == null ? 0 : v.doubleValue();
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    public double getTradingYears() { return tradingYears; }
    public void setTradingYears(double tradingYears) { this.tradingYears = tradingYears; }
    public Double getDebtServiceCover() { return debtServiceCover; }
    public void setDebtServiceCover(Double debtServiceCover) { this.debtServiceCover = debtServiceCover; }
    public Double getLoanToTurnover() { return loanToTurnover; }
    public void setLoanToTurnover(Double loanToTurnover) { this.loanToTurnover = loanToTurnover; }
    public Double getReservesMonths() { return reservesMonths; }
    public void setReservesMonths(Double reservesMonths) { this.reservesMonths = reservesMonths; }
    public Double getTradedIncomePct() { return tradedIncomePct; }
    public void setTradedIncomePct(Double tradedIncomePct) { this.tradedIncomePct = tradedIncomePct; }
    public Double getLoanToValuePct() { return loanToValuePct; }
    public void setLoanToValuePct(Double loanToValuePct) { this.loanToValuePct = loanToValuePct; }
    public Double getPeoplePer10k() { return peoplePer10k; }
    public void setPeoplePer10k(Double peoplePer10k) { this.peoplePer10k = peoplePer10k; }
    public double getNewAnnualDebtService() { return newAnnualDebtService; }
    public void setNewAnnualDebtService(double newAnnualDebtService) { this.newAnnualDebtService = newAnnualDebtService; }
    public boolean isAccountsPresent() { return accountsPresent; }
    /** The latest year's expenditure in GBP, what I6 sets local spend against; null without accounts. */
    public Double getExpenditure() { return expenditure; }
    public void setExpenditure(Double expenditure) { this.expenditure = expenditure; }
    public void setAccountsPresent(boolean accountsPresent) { this.accountsPresent = accountsPresent; }
}

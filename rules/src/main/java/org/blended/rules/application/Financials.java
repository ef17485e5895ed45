package org.blended.rules.application;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.Digits;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** Accounts and funding position. An organisation without filed accounts sends no years. */
public class Financials {

    @Size(max = 10)
    private List<@NotNull @Valid FinancialYear> years = new ArrayList<>();

    @DecimalMin("0")
    @DecimalMax("100")
    @Digits(integer = 3, fraction = 2, message = "must be a percentage with at most 2 decimal places")
    private BigDecimal largestFunderSharePct;

    /** Month the largest funder's agreement ends, as yyyy-MM. */
    @Pattern(regexp = "\\d{4}-(0[1-9]|1[0-2])", message = "must be a month as yyyy-MM")
    private String largestFunderEnds;

    @PositiveOrZero
    @Digits(integer = 13, fraction = 2, message = "must be an amount in pounds and pence below 10,000,000,000,000")
    private BigDecimal existingAnnualDebtService;

    /** The most recent year of accounts, or null when none were sent. */
    @JsonIgnore
    public FinancialYear getLatestYear() {
        return years == null ? null
                : years.stream().filter(y -> y != null && y.getYear() != null)
                        .max(Comparator.comparing(FinancialYear::getYear)).orElse(null);
    }

    public List<FinancialYear> getYears() { return years; }
    public void setYears(List<FinancialYear> years) { this.years = years; }
    public BigDecimal getLargestFunderSharePct() { return largestFunderSharePct; }
    public void setLargestFunderSharePct(BigDecimal largestFunderSharePct) { this.largestFunderSharePct = largestFunderSharePct; }
    public String getLargestFunderEnds() { return largestFunderEnds; }
    public void setLargestFunderEnds(String largestFunderEnds) { this.largestFunderEnds = largestFunderEnds; }
    public BigDecimal getExistingAnnualDebtService() { return existingAnnualDebtService; }
    public void setExistingAnnualDebtService(BigDecimal existingAnnualDebtService) { this.existingAnnualDebtService = existingAnnualDebtService; }

    /**
     * Whether the largest funder's agreement ends before a loan of this term, drawn on the given date,
     * would be repaid (F5).
     */
    public boolean endsWithin(java.time.LocalDate drawnOn, Integer termMonths) {
        return largestFunderEnds != null && termMonths != null
                && java.time.YearMonth.parse(largestFunderEnds).isBefore(java.time.YearMonth.from(drawnOn).plusMonths(termMonths));
    }
}

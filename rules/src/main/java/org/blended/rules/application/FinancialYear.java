package org.blended.rules.application;

import java.math.BigDecimal;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/** One year of accounts, in GBP. Surplus, net assets and reserves may be negative. */
public class FinancialYear {

    @NotNull
    @Min(1900)
    @Max(2100)
    private Integer year;

    @NotNull
    @PositiveOrZero
    @Digits(integer = 13, fraction = 2, message = "must be an amount in pounds and pence below 10,000,000,000,000")
    private BigDecimal income;

    @NotNull
    @PositiveOrZero
    @Digits(integer = 13, fraction = 2, message = "must be an amount in pounds and pence below 10,000,000,000,000")
    private BigDecimal tradedIncome;

    @NotNull
    @PositiveOrZero
    @Digits(integer = 13, fraction = 2, message = "must be an amount in pounds and pence below 10,000,000,000,000")
    private BigDecimal expenditure;

    @NotNull
    @Digits(integer = 13, fraction = 2, message = "must be an amount in pounds and pence below 10,000,000,000,000")
    private BigDecimal surplus;

    @PositiveOrZero
    @Digits(integer = 13, fraction = 2, message = "must be an amount in pounds and pence below 10,000,000,000,000")
    private BigDecimal depreciation;

    @PositiveOrZero
    @Digits(integer = 13, fraction = 2, message = "must be an amount in pounds and pence below 10,000,000,000,000")
    private BigDecimal interest;

    @Digits(integer = 13, fraction = 2, message = "must be an amount in pounds and pence below 10,000,000,000,000")
    private BigDecimal netAssets;

    @Digits(integer = 13, fraction = 2, message = "must be an amount in pounds and pence below 10,000,000,000,000")
    private BigDecimal unrestrictedReserves;

    public Integer getYear() { return year; }
    public void setYear(Integer year) { this.year = year; }
    public BigDecimal getIncome() { return income; }
    public void setIncome(BigDecimal income) { this.income = income; }
    public BigDecimal getTradedIncome() { return tradedIncome; }
    public void setTradedIncome(BigDecimal tradedIncome) { this.tradedIncome = tradedIncome; }
    public BigDecimal getExpenditure() { return expenditure; }
    public void setExpenditure(BigDecimal expenditure) { this.expenditure = expenditure; }
    public BigDecimal getSurplus() { return surplus; }
    public void setSurplus(BigDecimal surplus) { this.surplus = surplus; }
    public BigDecimal getDepreciation() { return depreciation; }
    public void setDepreciation(BigDecimal depreciation) { this.depreciation = depreciation; }
    public BigDecimal getInterest() { return interest; }
    public void setInterest(BigDecimal interest) { this.interest = interest; }
    public BigDecimal getNetAssets() { return netAssets; }
    public void setNetAssets(BigDecimal netAssets) { this.netAssets = netAssets; }
    public BigDecimal getUnrestrictedReserves() { return unrestrictedReserves; }
    public void setUnrestrictedReserves(BigDecimal unrestrictedReserves) { this.unrestrictedReserves = unrestrictedReserves; }
}

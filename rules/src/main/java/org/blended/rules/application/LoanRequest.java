package org.blended.rules.application;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** What the applicant asks for. */
public class LoanRequest {

    @NotNull
    private RequestType type;

    @NotNull
    @Positive
    @DecimalMax(value = "100000000", message = "must be at most 100,000,000 (GBP)")
    private BigDecimal amount;

    @NotNull
    @Min(1)
    @Max(360)
    private Integer termMonths;

    @NotNull
    private Purpose purpose;

    @NotNull
    private Boolean secured;

    @PositiveOrZero
    private BigDecimal securityValue;

    @PositiveOrZero
    private BigDecimal grantElementRequested;

    /** The lender's indicative annual interest rate; without it the rule set's assumption applies. */
    @DecimalMin("0")
    @DecimalMax("30")
    private BigDecimal interestRatePct;

    @Size(max = 20)
    private List<@NotBlank @Size(max = 200) String> declinedElsewhere = new ArrayList<>();

    public RequestType getType() { return type; }
    public void setType(RequestType type) { this.type = type; }
    public BigDecimal getAmount() { return amount; }
    public void setAmount(BigDecimal amount) { this.amount = amount; }
    public Integer getTermMonths() { return termMonths; }
    public void setTermMonths(Integer termMonths) { this.termMonths = termMonths; }
    public Purpose getPurpose() { return purpose; }
    public void setPurpose(Purpose purpose) { this.purpose = purpose; }
    public Boolean getSecured() { return secured; }
    public void setSecured(Boolean secured) { this.secured = secured; }
    public BigDecimal getSecurityValue() { return securityValue; }
    public void setSecurityValue(BigDecimal securityValue) { this.securityValue = securityValue; }
    public BigDecimal getGrantElementRequested() { return grantElementRequested; }
    public void setGrantElementRequested(BigDecimal grantElementRequested) { this.grantElementRequested = grantElementRequested; }
    public BigDecimal getInterestRatePct() { return interestRatePct; }
    public void setInterestRatePct(BigDecimal interestRatePct) { this.interestRatePct = interestRatePct; }
    public List<String> getDeclinedElsewhere() { return declinedElsewhere; }
    public void setDeclinedElsewhere(List<String> declinedElsewhere) { this.declinedElsewhere = declinedElsewhere; }
}

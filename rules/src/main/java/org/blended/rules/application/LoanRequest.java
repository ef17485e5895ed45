package org.blended.rules.application;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.Digits;
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
    @Digits(integer = 9, fraction = 2, message = "must be an amount in pounds and pence")
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
    @Digits(integer = 13, fraction = 2, message = "must be an amount in pounds and pence below 10,000,000,000,000")
    private BigDecimal securityValue;

    @PositiveOrZero
    @Digits(integer = 13, fraction = 2, message = "must be an amount in pounds and pence below 10,000,000,000,000")
    private BigDecimal grantElementRequested;

    /** The lender's indicative annual interest rate; without it the rule set's assumption applies. */
    @DecimalMin("0")
    @DecimalMax("30")
    @Digits(integer = 2, fraction = 4, message = "must be a percentage with at most 4 decimal places")
    private BigDecimal interestRatePct;

    @Size(max = 20)
    private List<@NotBlank @Size(max = 200) String> declinedElsewhere = new ArrayList<>();

    /**
     * E5 additionality as the lender's officer judged it, 0 (readily fundable commercially) to 3
     * (no other finance to be had); when absent, the E5 table scores the declines and the rationale.
     */
    @Min(0)
    @Max(3)
    private Integer additionality;

    /** Why commercial finance will not do, in the applicant's words. */
    @Size(max = 2000)
    private String additionalityRationale;

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
    public Integer getAdditionality() { return additionality; }
    public void setAdditionality(Integer additionality) { this.additionality = additionality; }
    public String getAdditionalityRationale() { return additionalityRationale; }
    public void setAdditionalityRationale(String additionalityRationale) { this.additionalityRationale = additionalityRationale; }

    /** Whether the applicant says why commercial finance will not do (E5). */
    @JsonIgnore
    public boolean isRationaleGiven() {
        return additionalityRationale != null && !additionalityRationale.isBlank();
    }

    /** What the additionality score rests on, for the reason text. */
    @JsonIgnore
    public String getAdditionalityBasis() {
        if (additionality != null) {
            return "the lender's officer scored it " + additionality + " of 3";
        }
        if (declinedElsewhere != null && !declinedElsewhere.isEmpty()) {
            return "declined by " + String.join(", ", declinedElsewhere);
        }
        return additionalityRationale != null && !additionalityRationale.isBlank()
                ? "no decline, but a reason why commercial finance will not do" : "no decline and no reason given";
    }
    public void setDeclinedElsewhere(List<String> declinedElsewhere) { this.declinedElsewhere = declinedElsewhere; }
}

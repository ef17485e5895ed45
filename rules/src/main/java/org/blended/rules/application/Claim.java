package org.blended.rules.application;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonIgnore;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** One claimed outcome: a value in a measure, and how it is evidenced. */
public class Claim {

    @NotNull
    private Measure measure;

    @NotNull
    @PositiveOrZero
    @DecimalMax(value = "100000000", message = "must be at most 100,000,000")
    @Digits(integer = 9, fraction = 4, message = "must have at most 9 digits before the decimal point and 4 after")
    private BigDecimal value;

    /** Free text echo of the unit; the measure defines the unit that counts. */
    @Size(max = 30)
    private String unit;

    @NotNull
    private EvidenceGrade evidence;

    /** For priority-group hires (I5): the recruitment programme behind them, e.g. a referral partnership. */
    @Size(max = 300)
    private String programme;

    public Measure getMeasure() { return measure; }
    public void setMeasure(Measure measure) { this.measure = measure; }
    public BigDecimal getValue() { return value; }
    public void setValue(BigDecimal value) { this.value = value; }
    public String getUnit() { return unit; }
    public void setUnit(String unit) { this.unit = unit; }
    public EvidenceGrade getEvidence() { return evidence; }
    public String getProgramme() { return programme; }
    public void setProgramme(String programme) { this.programme = programme; }

    /** Priority-group hires with no recruitment programme named: they count at no more than self-reported weight (I5). */
    @JsonIgnore
    public boolean isUnprogrammedHire() {
        return measure == Measure.PRIORITY_GROUP_HIRES && (programme == null || programme.isBlank());
    }
    public void setEvidence(EvidenceGrade evidence) { this.evidence = evidence; }
}

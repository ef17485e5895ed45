package org.blended.rules.application;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The social value the applicant claims, with its evidence and the adjustments to it. */
public class Impact {

    @Size(max = 9)
    private List<@NotNull OutcomeArea> outcomeAreas = new ArrayList<>();

    @Size(max = 17)
    private List<@NotNull BeneficiaryGroup> beneficiaryGroups = new ArrayList<>();

    @Size(max = 4000)
    private String theoryOfChange;

    /** Index of Multiple Deprivation decile of the main area served: 1 is the most deprived. */
    @Min(1)
    @Max(10)
    private Integer areaDeprivationDecile;

    @Min(0)
    private Integer peopleReachedPerYear;

    @Size(max = 50)
    private List<@NotNull @Valid Claim> claims = new ArrayList<>();

    @Valid
    private Adjustments adjustments;

    @Valid
    private ImpactRisks impactRisks;

    /** Beneficiary voice in the organisation, 0 (none) to 3 (beneficiaries govern). */
    @Min(0)
    @Max(3)
    private Integer stakeholderVoice;

    public List<OutcomeArea> getOutcomeAreas() { return outcomeAreas; }
    public void setOutcomeAreas(List<OutcomeArea> outcomeAreas) { this.outcomeAreas = outcomeAreas; }
    public List<BeneficiaryGroup> getBeneficiaryGroups() { return beneficiaryGroups; }
    public void setBeneficiaryGroups(List<BeneficiaryGroup> beneficiaryGroups) { this.beneficiaryGroups = beneficiaryGroups; }
    public String getTheoryOfChange() { return theoryOfChange; }
    public void setTheoryOfChange(String theoryOfChange) { this.theoryOfChange = theoryOfChange; }
    public Integer getAreaDeprivationDecile() { return areaDeprivationDecile; }
    public void setAreaDeprivationDecile(Integer areaDeprivationDecile) { this.areaDeprivationDecile = areaDeprivationDecile; }
    public Integer getPeopleReachedPerYear() { return peopleReachedPerYear; }
    public void setPeopleReachedPerYear(Integer peopleReachedPerYear) { this.peopleReachedPerYear = peopleReachedPerYear; }
    public List<Claim> getClaims() { return claims; }
    public void setClaims(List<Claim> claims) { this.claims = claims; }
    public Adjustments getAdjustments() { return adjustments; }
    public void setAdjustments(Adjustments adjustments) { this.adjustments = adjustments; }
    public ImpactRisks getImpactRisks() { return impactRisks; }
    public void setImpactRisks(ImpactRisks impactRisks) { this.impactRisks = impactRisks; }
    public Integer getStakeholderVoice() { return stakeholderVoice; }
    public void setStakeholderVoice(Integer stakeholderVoice) { this.stakeholderVoice = stakeholderVoice; }

    /** The theory of change's length in characters, blanks at either end left out; 0 when there is none (I1). */
    public int theoryOfChangeLength() {
        return theoryOfChange == null ? 0 : theoryOfChange.trim().length();
    }

    /** Whether the priority-group hires claimed are more than the jobs claimed, when jobs are claimed (I5). */
    public boolean moreHiresThanJobs() {
        double jobs = total(Measure.JOBS_CREATED) + total(Measure.JOBS_MAINTAINED);
        return jobs > 0 && total(Measure.PRIORITY_GROUP_HIRES) > jobs;
    }

    /** The sum of the claimed values of one measure. */
    public double total(Measure measure) {
        double sum = 0;
        for (Claim claim : claims) {
            if (claim.getMeasure() == measure && claim.getValue() != null) {
                sum += claim.getValue().doubleValue();
            }
        }
        return sum;
    }
}

package org.blended.rules.application;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.Digits;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

/** The organisation applying: its legal form, governing document and people. */
public class Applicant {

    @NotBlank
    @Size(max = 200)
    private String legalName;

    @NotNull
    private LegalForm legalForm;

    @Size(max = 20)
    private String companyNumber;

    @Size(max = 20)
    private String charityNumber;

    @NotNull
    @PastOrPresent
    private LocalDate incorporatedOn;

    @NotNull
    private Boolean assetLock;

    @DecimalMin("0")
    @DecimalMax("100")
    @Digits(integer = 3, fraction = 2, message = "must be a percentage with at most 2 decimal places")
    private BigDecimal maxProfitDistributionPct;

    @NotNull
    private Boolean powerToBorrow;

    @NotNull
    private Boolean powerToCharge;

    @Size(max = 200)
    private List<@NotBlank @Size(max = 10) String> postcodesServed = new ArrayList<>();

    @Valid
    private Staff staff;

    @Min(0)
    private Integer volunteers;

    @Valid
    private Board board;

    public String getLegalName() { return legalName; }
    public void setLegalName(String legalName) { this.legalName = legalName; }
    public LegalForm getLegalForm() { return legalForm; }
    public void setLegalForm(LegalForm legalForm) { this.legalForm = legalForm; }
    public String getCompanyNumber() { return companyNumber; }
    public void setCompanyNumber(String companyNumber) { this.companyNumber = companyNumber; }
    public String getCharityNumber() { return charityNumber; }
    public void setCharityNumber(String charityNumber) { this.charityNumber = charityNumber; }
    public LocalDate getIncorporatedOn() { return incorporatedOn; }
    public void setIncorporatedOn(LocalDate incorporatedOn) { this.incorporatedOn = incorporatedOn; }
    public Boolean getAssetLock() { return assetLock; }
    public void setAssetLock(Boolean assetLock) { this.assetLock = assetLock; }
    public BigDecimal getMaxProfitDistributionPct() { return maxProfitDistributionPct; }
    public void setMaxProfitDistributionPct(BigDecimal maxProfitDistributionPct) { this.maxProfitDistributionPct = maxProfitDistributionPct; }
    public Boolean getPowerToBorrow() { return powerToBorrow; }
    public void setPowerToBorrow(Boolean powerToBorrow) { this.powerToBorrow = powerToBorrow; }
    public Boolean getPowerToCharge() { return powerToCharge; }
    public void setPowerToCharge(Boolean powerToCharge) { this.powerToCharge = powerToCharge; }
    public List<String> getPostcodesServed() { return postcodesServed; }
    public void setPostcodesServed(List<String> postcodesServed) { this.postcodesServed = postcodesServed; }
    public Staff getStaff() { return staff; }
    public void setStaff(Staff staff) { this.staff = staff; }
    public Integer getVolunteers() { return volunteers; }
    public void setVolunteers(Integer volunteers) { this.volunteers = volunteers; }
    public Board getBoard() { return board; }
    public void setBoard(Board board) { this.board = board; }
}

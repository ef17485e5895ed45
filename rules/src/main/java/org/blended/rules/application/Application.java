package org.blended.rules.application;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A loan or investment application as a lender submits it; the root fact of an assessment. */
public class Application {

    @NotBlank
    @Size(max = 64)
    private String lenderReference;

    @NotNull
    @Valid
    private Applicant applicant;

    @NotNull
    @Valid
    private LoanRequest request;

    @NotNull
    @Valid
    private Financials financials;

    @NotNull
    @Valid
    private Impact impact;

    public String getLenderReference() { return lenderReference; }
    public void setLenderReference(String lenderReference) { this.lenderReference = lenderReference; }
    public Applicant getApplicant() { return applicant; }
    public void setApplicant(Applicant applicant) { this.applicant = applicant; }
    public LoanRequest getRequest() { return request; }
    public void setRequest(LoanRequest request) { this.request = request; }
    public Financials getFinancials() { return financials; }
    public void setFinancials(Financials financials) { this.financials = financials; }
    public Impact getImpact() { return impact; }
    public void setImpact(Impact impact) { this.impact = impact; }
}

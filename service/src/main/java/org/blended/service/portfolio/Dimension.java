package org.blended.service.portfolio;

/**
 * What the portfolio counts decisions by, beside month and rule-set version: every decision (ALL),
 * the applicant's legal form, size band, region and area deprivation decile, and the Outcomes
 * Matrix cell (outcome area by beneficiary group; a decision counts in each of its cells).
 */
public enum Dimension {
    ALL("Every application"),
    LEGAL_FORM("Legal form"),
    SIZE_BAND("Size (income in the latest accounts)"),
    REGION("Region (postcode area served)"),
    DEPRIVATION("Area deprivation decile"),
    AREA_GROUP("Outcome area and beneficiary group");

    private final String words;

    Dimension(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }
}

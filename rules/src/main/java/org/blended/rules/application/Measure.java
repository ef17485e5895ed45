package org.blended.rules.application;

/** Measures a claim can be made in (catalogue I3-I8); units are given beside each. */
public enum Measure {
    PEOPLE_SUPPORTED("people", true),
    JOBS_CREATED("FTE", true),
    JOBS_MAINTAINED("FTE", true),
    PRIORITY_GROUP_HIRES("FTE", true),
    LOCAL_SPEND("GBP", true),
    LIVING_WAGE_STAFF("% of staff", false),
    GHG_AVOIDED("tCO2e per year", true);

    private final String unit;
    private final boolean outcome;

    Measure(String unit, boolean outcome) {
        this.unit = unit;
        this.outcome = outcome;
    }

    public String getUnit() { return unit; }
    /** The measure's name as words, e.g. "priority group hires". A method, not a property, so it is never serialised. */
    public String inWords() { return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '); }

    /** Outcomes are reduced by deadweight, attribution and displacement; practices (such as pay) are not. */
    public boolean isOutcome() { return outcome; }
}

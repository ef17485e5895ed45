package org.blended.rules.application;

/** Measures a claim can be made in (catalogue I3-I8); units are given beside each. */
public enum Measure {
    PEOPLE_SUPPORTED("people"),
    JOBS_CREATED("FTE"),
    JOBS_MAINTAINED("FTE"),
    PRIORITY_GROUP_HIRES("FTE"),
    LOCAL_SPEND("GBP"),
    LIVING_WAGE_STAFF("% of staff"),
    GHG_AVOIDED("tCO2e per year");

    private final String unit;

    Measure(String unit) { this.unit = unit; }

    public String getUnit() { return unit; }
}

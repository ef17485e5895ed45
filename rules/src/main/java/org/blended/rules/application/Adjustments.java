package org.blended.rules.application;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** SROI adjustments (catalogue I9), each a percentage of the gross claim. */
public class Adjustments {

    @Min(0) @Max(100)
    private Integer deadweightPct;

    @Min(0) @Max(100)
    private Integer attributionPct;

    @Min(0) @Max(100)
    private Integer displacementPct;

    public Integer getDeadweightPct() { return deadweightPct; }
    public void setDeadweightPct(Integer deadweightPct) { this.deadweightPct = deadweightPct; }
    public Integer getAttributionPct() { return attributionPct; }
    public void setAttributionPct(Integer attributionPct) { this.attributionPct = attributionPct; }
    public Integer getDisplacementPct() { return displacementPct; }
    public void setDisplacementPct(Integer displacementPct) { this.displacementPct = displacementPct; }
}

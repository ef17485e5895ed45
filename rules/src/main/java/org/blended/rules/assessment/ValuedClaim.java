package org.blended.rules.assessment;

import org.blended.rules.application.Measure;

/** A net claim turned into GBP a year with the value that applied. */
public class ValuedClaim {

    private Measure measure;
    private double gbp;

    public ValuedClaim() {
    }

    public ValuedClaim(Measure measure, double gbp) {
        this.measure = measure;
        this.gbp = Math.round(gbp);
    }

    public Measure getMeasure() { return measure; }
    public void setMeasure(Measure measure) { this.measure = measure; }
    public double getGbp() { return gbp; }
    public void setGbp(double gbp) { this.gbp = gbp; }
}

package org.blended.rules.assessment;

import org.blended.rules.application.Measure;

/**
 * What one unit of a measure is worth in GBP, with its source and licence. The rule base ships
 * only values from open government sources; a lender may add its own (licensed) values, which
 * take precedence for that lender.
 */
public class MeasureValue {

    private Measure measure;
    private double gbpPerUnit;
    private String source;
    private String licence;
    private boolean lenderSupplied;

    public MeasureValue() {
    }

    public MeasureValue(Measure measure, double gbpPerUnit, String source, String licence, boolean lenderSupplied) {
        this.measure = measure;
        this.gbpPerUnit = gbpPerUnit;
        this.source = source;
        this.licence = licence;
        this.lenderSupplied = lenderSupplied;
    }

    public Measure getMeasure() { return measure; }
    public void setMeasure(Measure measure) { this.measure = measure; }
    public double getGbpPerUnit() { return gbpPerUnit; }
    public void setGbpPerUnit(double gbpPerUnit) { this.gbpPerUnit = gbpPerUnit; }
    public String getSource() { return source; }
    public void setSource(String source) { this.source = source; }
    public String getLicence() { return licence; }
    public void setLicence(String licence) { this.licence = licence; }
    public boolean isLenderSupplied() { return lenderSupplied; }
    public void setLenderSupplied(boolean lenderSupplied) { this.lenderSupplied = lenderSupplied; }
}

package org.blended.rules.assessment;

import org.blended.rules.application.Application;
import org.blended.rules.application.Claim;
import org.blended.rules.application.EvidenceGrade;
import org.blended.rules.application.Measure;

/**
 * A claim after contribution adjustments and evidence weighting (catalogue I9, I11):
 * net = gross x (1 - deadweight) x (1 - attribution) x (1 - displacement) x evidence weight.
 */
public class NetClaim {

    private Measure measure;
    private double gross;
    private double adjusted;
    private EvidenceGrade evidence;
    private double evidenceWeight;
    private double net;
    /** The contribution adjustments as applied, e.g. "(1 - 25% deadweight) x (1 - 25% attribution) x (1 - 0% displacement)". */
    private String contribution;

    /** Evidence weights of the second edition: what the claim would count at with records (I11). */
    private double recordsWeight;
    /** A priority-group hire counted at most at the weight for hires without a recruitment programme (I5). */
    private boolean unprogrammedHire;
    /** GBP a unit of the measure is worth, once a value applies (the lender's own, or the rule set's). */
    private Double gbpPerUnit;

    /** For local spend (I6): the net figure as a percentage of the year's expenditure, once worked out. */
    private Double shareOfSpendPct;
    /**
     * The applicant's claim this one counts: a table row whose bounds are columns of their own tests
     * each on the same claim ({@code origin == $n.origin, net >= $param}), which the engine does not
     * test again when only the claim's value in GBP is set later.
     */
    private Claim source;

    public NetClaim() {
    }

    public NetClaim(Measure measure, double gross, double adjustmentFactor, EvidenceGrade evidence, double evidenceWeight) {
        this.measure = measure;
        this.gross = gross;
        this.adjusted = round(gross * adjustmentFactor);
        this.evidence = evidence;
        this.evidenceWeight = evidenceWeight;
        this.net = round(gross * adjustmentFactor * evidenceWeight);
    }

    /**
     * Counts a claim with the evidence weights of the rule set's table (second edition), which the
     * assessment carries: net of the
     * contribution adjustments, weighted by its grade of evidence, a priority-group hire without a
     * recruitment programme at most at {@code unprogrammedHireWeight}.
     */
    public static NetClaim counted(Claim claim, Application application, Assessment weights) {
        double selfReportedWeight = weights.getWeightSelfReported();
        double recordsWeight = weights.getWeightRecords();
        double verifiedWeight = weights.getWeightVerified();
        double unprogrammedHireWeight = weights.getWeightUnprogrammedHire();
        double weight = switch (claim.getEvidence()) {
            case SELF_REPORTED -> selfReportedWeight;
            case RECORDS -> recordsWeight;
            case INDEPENDENTLY_VERIFIED -> verifiedWeight;
        };
        boolean capped = claim.isUnprogrammedHire() && claim.getEvidence() != EvidenceGrade.SELF_REPORTED;
        if (claim.isUnprogrammedHire()) {
            weight = Math.min(weight, unprogrammedHireWeight);
        }
        var adjustments = application.getImpact().getAdjustments();
        NetClaim net = new NetClaim(claim.getMeasure(), claim.getValue().doubleValue(),
                contributionFactor(claim.getMeasure(), adjustments), claim.getEvidence(), weight);
        net.contribution = contributionWorking(claim.getMeasure(), adjustments);
        net.recordsWeight = recordsWeight;
        net.unprogrammedHire = capped;
        net.source = claim;
        return net;
    }

    /** (1 - deadweight) x (1 - attribution) x (1 - displacement) for outcomes; 1 for practices. */
    public static double contributionFactor(Measure measure, org.blended.rules.application.Adjustments adjustments) {
        if (!measure.isOutcome() || adjustments == null) {
            return 1;
        }
        return (1 - pct(adjustments.getDeadweightPct())) * (1 - pct(adjustments.getAttributionPct()))
                * (1 - pct(adjustments.getDisplacementPct()));
    }

    /** The adjustments {@link #contributionFactor} applies, written out for the reason text (catalogue I9). */
    public static String contributionWorking(Measure measure, org.blended.rules.application.Adjustments adjustments) {
        if (!measure.isOutcome()) {
            return "not adjusted (a practice, not an outcome)";
        }
        if (adjustments == null) {
            return "no deadweight, attribution or displacement stated";
        }
        return "(1 - " + whole(adjustments.getDeadweightPct()) + "% deadweight) x (1 - " + whole(adjustments.getAttributionPct())
                + "% attribution) x (1 - " + whole(adjustments.getDisplacementPct()) + "% displacement)";
    }

    private static int whole(Integer pct) {
        return pct == null ? 0 : pct;
    }

    private static double pct(Integer value) {
        return value == null ? 0 : value / 100.0;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** The arithmetic, for the reason text. */
    public String getWorking() {
        return gross + " " + measure.getUnit() + " claimed, "
                + (contribution == null ? "" : "x " + contribution + " = ")
                + adjusted + " after deadweight, attribution and displacement, "
                + net + " counted at " + Math.round(evidenceWeight * 100) + "% for " + evidence.name().toLowerCase().replace('_', ' ')
                + " evidence";
    }

    public double getRecordsWeight() { return recordsWeight; }
    public boolean isUnprogrammedHire() { return unprogrammedHire; }
    public Double getGbpPerUnit() { return gbpPerUnit; }
    public void setGbpPerUnit(Double gbpPerUnit) { this.gbpPerUnit = gbpPerUnit; }
    public boolean isValued() { return gbpPerUnit != null; }
    /** The net figure valued in GBP a year, rounded to the pound; 0 before a value applies. */
    public double getGbp() { return gbpPerUnit == null ? 0 : Math.round(net * gbpPerUnit); }
    public Double getShareOfSpendPct() { return shareOfSpendPct; }
    /** What this net claim counts: the applicant's claim, or itself when it was made without one (a Test Scenario's). */
    public Object getOrigin() { return source != null ? source : this; }
    public void setShareOfSpendPct(Double shareOfSpendPct) { this.shareOfSpendPct = shareOfSpendPct; }
    public String getContribution() { return contribution; }
    public void setContribution(String contribution) { this.contribution = contribution; }
    public Measure getMeasure() { return measure; }
    public void setMeasure(Measure measure) { this.measure = measure; }
    public double getGross() { return gross; }
    public void setGross(double gross) { this.gross = gross; }
    public double getAdjusted() { return adjusted; }
    public void setAdjusted(double adjusted) { this.adjusted = adjusted; }
    public EvidenceGrade getEvidence() { return evidence; }
    public void setEvidence(EvidenceGrade evidence) { this.evidence = evidence; }
    public double getEvidenceWeight() { return evidenceWeight; }
    public void setEvidenceWeight(double evidenceWeight) { this.evidenceWeight = evidenceWeight; }
    public double getNet() { return net; }
    public void setNet(double net) { this.net = net; }

    /** The working, so that a reason's template can take the claim itself and write it out only when read. */
    @Override
    public String toString() {
        return getWorking();
    }
}

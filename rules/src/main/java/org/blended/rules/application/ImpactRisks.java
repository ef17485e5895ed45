package org.blended.rules.application;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** Impact risks (catalogue I10), each low, medium or high. */
public class ImpactRisks {

    private RiskLevel evidence;
    private RiskLevel execution;
    private RiskLevel dropOff;
    private RiskLevel external;

    /** How many of the risks are rated high (I10). */
    @JsonIgnore
    public int getHighRisks() {
        return count(RiskLevel.HIGH);
    }

    /** How many of the risks are rated medium (I10). */
    @JsonIgnore
    public int getMediumRisks() {
        return count(RiskLevel.MEDIUM);
    }

    /** Each rated risk and its level, for the reason text. */
    @JsonIgnore
    public String getRatings() {
        StringBuilder out = new StringBuilder();
        rating(out, "evidence", evidence);
        rating(out, "execution", execution);
        rating(out, "drop-off", dropOff);
        rating(out, "external", external);
        return out.length() == 0 ? "none rated" : out.toString();
    }

    private int count(RiskLevel level) {
        int n = 0;
        for (RiskLevel risk : new RiskLevel[]{evidence, execution, dropOff, external}) {
            n += risk == level ? 1 : 0;
        }
        return n;
    }

    private static void rating(StringBuilder out, String name, RiskLevel level) {
        if (level != null) {
            out.append(out.length() == 0 ? "" : ", ").append(name).append(' ').append(level.name().toLowerCase());
        }
    }

    public RiskLevel getEvidence() { return evidence; }
    public void setEvidence(RiskLevel evidence) { this.evidence = evidence; }
    public RiskLevel getExecution() { return execution; }
    public void setExecution(RiskLevel execution) { this.execution = execution; }
    public RiskLevel getDropOff() { return dropOff; }
    public void setDropOff(RiskLevel dropOff) { this.dropOff = dropOff; }
    public RiskLevel getExternal() { return external; }
    public void setExternal(RiskLevel external) { this.external = external; }
}

package org.blended.rules.application;

/** Impact risks (catalogue I10), each low, medium or high. */
public class ImpactRisks {

    private RiskLevel evidence;
    private RiskLevel execution;
    private RiskLevel dropOff;
    private RiskLevel external;

    public RiskLevel getEvidence() { return evidence; }
    public void setEvidence(RiskLevel evidence) { this.evidence = evidence; }
    public RiskLevel getExecution() { return execution; }
    public void setExecution(RiskLevel execution) { this.execution = execution; }
    public RiskLevel getDropOff() { return dropOff; }
    public void setDropOff(RiskLevel dropOff) { this.dropOff = dropOff; }
    public RiskLevel getExternal() { return external; }
    public void setExternal(RiskLevel external) { this.external = external; }
}

package org.blended.rules.assessment;

/** What a reason is about. Social value themes follow the Impact Management Project's dimensions. */
public enum Theme {
    ELIGIBILITY(false), FINANCIAL(false), GOVERNANCE(false),
    IMPACT_WHAT(true), IMPACT_WHO(true), IMPACT_HOW_MUCH(true), LOCAL_ECONOMY(true),
    FAIR_WORK(true), ENVIRONMENT(true), CONTRIBUTION(true), IMPACT_RISK(true),
    EVIDENCE(true), STAKEHOLDERS(true),
    DECISION(false);

    private final boolean socialValue;

    Theme(boolean socialValue) { this.socialValue = socialValue; }

    /** True for themes whose points make up the social value score. */
    public boolean isSocialValue() { return socialValue; }
}

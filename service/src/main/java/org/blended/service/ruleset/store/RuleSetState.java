package org.blended.service.ruleset.store;

/** Where a version is in its life: edited and tested, active (exactly one), or no longer active. */
public enum RuleSetState {
    DRAFT, PUBLISHED, RETIRED
}

package org.blended.rules.assessment;

/** How a reason counts towards the decision. */
public enum Effect {
    /** Adds (or with negative points, takes away) points in its theme. */
    POINTS,
    /** Stops the application: it cannot be approved whatever else counts. */
    HARD_STOP,
    /** Must be met before drawdown or within a stated time. */
    CONDITION,
    /** Information for the reader; changes nothing. */
    NOTE
}

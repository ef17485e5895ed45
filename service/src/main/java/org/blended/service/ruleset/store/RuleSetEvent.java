package org.blended.service.ruleset.store;

import java.time.Instant;

/** Who did what to a version, and when. */
public record RuleSetEvent(int version, String action, String actor, Instant at, String detail) {
}

package org.blended.service.ruleset.store;

import java.time.Instant;

/** The decisions a version made: how many, and when the latest was. */
public record DecisionsMade(long count, Instant latest) {
}

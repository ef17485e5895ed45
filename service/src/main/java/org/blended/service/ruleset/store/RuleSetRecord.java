package org.blended.service.ruleset.store;

import java.time.Instant;

/** A version as stored, without its files. */
public record RuleSetRecord(int version, String label, RuleSetState state, Integer basedOn, String note,
                            String contentHash, String createdBy, Instant createdAt, Instant validatedAt,
                            Boolean valid, String validation, String approvedBy, Instant approvedAt,
                            Instant publishedAt) {
}

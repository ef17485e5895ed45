package org.blended.service.decision;

import java.util.UUID;

import org.blended.rules.assessment.Outcome;

/**
 * What became of one assessed submission: a new decision, or, when the lender had sent the same
 * reference before, the decision already on record (and nothing new stored).
 *
 * @param view the stored application with its decision; null for an earlier decision in a chunk,
 *             where only the counts matter
 */
public record Recorded(Assessed assessed, UUID applicationId, Outcome outcome, boolean alreadyDecided,
                       ApplicationView view) {
}

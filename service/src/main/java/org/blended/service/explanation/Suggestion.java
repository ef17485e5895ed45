package org.blended.service.explanation;

import java.util.List;

import org.blended.rules.assessment.Outcome;

/**
 * A set of changes verified by evaluating the changed application with the same rule-set
 * version and date: it reaches {@code reaches}.
 */
record Suggestion(List<Change.View> changes, Outcome reaches, boolean verified) {
}

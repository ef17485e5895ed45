package org.blended.service.decision;

import java.util.List;
import java.util.UUID;

/**
 * Told of the decisions just recorded together with the assessments they came from, inside the
 * recording transaction: for features that need what the rules worked out beyond the stored
 * decision (the portfolio counts each claim net, as the rules did). The recorder does not know them.
 */
public interface AssessedDecisionListener {

    /** @param assessed the assessment of each decision, in the order of {@code decided} */
    void recorded(UUID lenderId, List<ApplicationView> decided, List<Assessed> assessed);
}

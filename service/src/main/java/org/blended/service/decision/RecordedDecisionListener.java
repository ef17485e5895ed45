package org.blended.service.decision;

import java.util.List;
import java.util.UUID;

/**
 * Told of the decisions just recorded, inside the recording transaction, so what it writes (the
 * publishing outbox) commits or rolls back with them. Features downstream of recording implement
 * it; the recorder does not know them.
 */
public interface RecordedDecisionListener {

    void recorded(UUID lenderId, List<ApplicationView> decided);
}

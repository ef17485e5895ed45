package org.blended.service.whatif;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A what-if run as it goes: progress, both versions' figures so far, and the applications that change.
 * {@code draftValid} is the simulated version's validation: null until it is validated, so the
 * results of a draft not yet validated say so.
 */
public record WhatIfView(UUID id, int draftVersion, int activeVersion, String status, Boolean draftValid, Integer total, int done,
                         int percentDone, int changed, WhatIfSummary summary, String failure, String requestedBy,
                         Instant requestedAt, Instant finishedAt, List<WhatIfChange> changes, int changesShown) {
}

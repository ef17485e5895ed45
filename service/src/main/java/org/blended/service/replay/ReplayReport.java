package org.blended.service.replay;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.blended.rules.assessment.Outcome;

/** A stored decision made again with the version that made it: identical, or every difference. */
record ReplayReport(UUID applicationId, String ruleSetVersion, LocalDate assessedOn, Outcome storedOutcome,
                           Outcome replayedOutcome, int reasons, boolean identical, List<String> differences) {
}

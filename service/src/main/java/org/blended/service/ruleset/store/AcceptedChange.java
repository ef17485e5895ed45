package org.blended.service.ruleset.store;

import org.blended.service.ruleset.source.ScenarioCells;
import java.time.Instant;

/**
 * An expected value of a draft's Test Scenario replaced by the value the draft's rules give: the
 * file, the scenario (its number, description and criterion), the column it checks ("Assessment /
 * outcome"), the value expected before and after (as the file holds them), who accepted it and when.
 */
public record AcceptedChange(int version, String file, int scenarioIndex, String scenario, String criterion,
                             String checks, String oldExpected, String newExpected, String acceptedBy, Instant acceptedAt) {

    /** The value expected before, as people read it. */
    public String shownOld() {
        return ScenarioCells.shown(oldExpected);
    }

    /** The value expected now, as people read it. */
    public String shownNew() {
        return ScenarioCells.shown(newExpected);
    }
}

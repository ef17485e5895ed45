package org.blended.service.explanation;

import java.util.List;

/** What an officer reads beside the reasons: the near misses and what would change the outcome, in officers' words. */
public record OfficerBrief(List<String> nearMisses, List<String> evidenceGaps, List<String> suggestions, String searchNote) {

    static OfficerBrief of(Explanation e) {
        return new OfficerBrief(e.nearMisses().stream().map(Explanation.NearMiss::text).toList(),
                e.evidenceGaps().stream().map(Explanation.Line::text).distinct().toList(),
                e.suggestions().stream().map(s -> String.join(" And: ", s.changes().stream().map(Change.View::sentence).toList())
                        + " Result: " + s.reaches()).toList(),
                e.suggestions().isEmpty() ? e.searchNote() : null);
    }
}

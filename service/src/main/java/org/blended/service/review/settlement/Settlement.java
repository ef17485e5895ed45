package org.blended.service.review.settlement;

import java.util.List;

import org.blended.rules.assessment.Outcome;

/**
 * What an officer records: the final outcome, its conditions, why (always), and where it differs
 * from the automated outcome, the override reason and the criteria the officer disagrees with.
 */
public record Settlement(Outcome outcome, List<String> conditions, String rationale, String overrideReason,
                         List<String> criteria) {

    public Settlement {
        conditions = conditions == null ? List.of()
                : conditions.stream().map(String::strip).filter(c -> !c.isEmpty()).toList();
        criteria = criteria == null ? List.of() : List.copyOf(criteria);
        rationale = rationale == null ? "" : rationale.strip();
        overrideReason = overrideReason == null || overrideReason.isBlank() ? null : overrideReason.strip();
    }
}

package org.blended.service.whatif;

import java.util.List;
import java.util.Map;

import org.blended.rules.assessment.Outcome;

/** Both versions' figures over the same applications, side by side, overall and by kind of applicant. */
public record WhatIfSummary(Side active, Side draft, List<WhatIfGroups.Group> groups, int applications, int changed,
                            long millis, double applicationsPerSecond) {

    /**
     * One version's results: counts by outcome, approval rate (with or without conditions) and mean
     * scores over the applications it assessed, and how many it could not assess (past its firing or
     * time limit, a rule failing, no outcome), with the first such reason.
     */
    public record Side(int version, String label, Map<Outcome, Integer> outcomes, double approvalRate,
                       double meanSocialValueScore, double meanFinancialScore, int notAssessed, String notAssessedReason) {
    }
}

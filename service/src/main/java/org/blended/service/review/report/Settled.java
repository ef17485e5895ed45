package org.blended.service.review.report;

import java.time.Instant;
import java.util.List;

/** What the report needs of one final decision. */
record Settled(String automatedOutcome, String outcome, List<String> criteria, String overrideReason, String direction,
               String decidedBy, String ruleSetVersion, Instant caseOpenedAt, Instant decidedAt) {

    boolean overrides() {
        return !outcome.equals(automatedOutcome);
    }

    long secondsToDecision() {
        return decidedAt.getEpochSecond() - caseOpenedAt.getEpochSecond();
    }
}

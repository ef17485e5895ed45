package org.blended.service.whatif;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.blended.rules.assessment.Outcome;

/**
 * An application the draft would decide differently: what it asked (legal form, amount), the outcome
 * and the reasons (code and points) before and after, and why in words: what the reasons the draft adds say.
 */
record WhatIfChange(UUID applicationId, String lenderReference, String legalName, String legalForm, BigDecimal amount,
                    Outcome outcomeBefore, Outcome outcomeAfter, List<String> reasonsBefore, List<String> reasonsAfter,
                    String why) {

    /** Reasons the draft gives that the active version did not. */
    @JsonProperty
    public List<String> reasonsAdded() {
        return reasonsAfter.stream().filter(r -> !reasonsBefore.contains(r)).toList();
    }

    /** Reasons the active version gave that the draft does not. */
    @JsonProperty
    public List<String> reasonsRemoved() {
        return reasonsBefore.stream().filter(r -> !reasonsAfter.contains(r)).toList();
    }

    @JsonProperty
    public boolean outcomeChanged() {
        return outcomeBefore != outcomeAfter;
    }
}

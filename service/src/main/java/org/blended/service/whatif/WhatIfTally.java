package org.blended.service.whatif;

import java.util.EnumMap;
import java.util.Map;

import org.blended.rules.assessment.Assessment;
import org.blended.rules.assessment.Outcome;
import org.blended.service.assessment.CompiledRuleSet;
import org.blended.service.assessment.EvaluationFailedException;

/** Adds up one version's results as a what-if run goes. */
final class WhatIfTally {

    private final CompiledRuleSet rules;
    private final Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
    private long socialValue;
    private long financial;
    private int count;
    private int notAssessed;
    private String notAssessedReason;

    WhatIfTally(CompiledRuleSet rules) {
        this.rules = rules;
        for (Outcome outcome : Outcome.values()) {
            outcomes.put(outcome, 0);
        }
    }

    void add(Assessment assessment) {
        outcomes.merge(assessment.getOutcome(), 1, Integer::sum);
        socialValue += assessment.getSocialValueScore();
        financial += assessment.getFinancialScore();
        count++;
    }

    /** An application this version could not assess: counted apart, and in none of the figures. */
    void notAssessed(EvaluationFailedException failure) {
        notAssessed++;
        if (notAssessedReason == null) {
            notAssessedReason = failure.getMessage();
        }
    }

    WhatIfSummary.Side side() {
        double approved = outcomes.get(Outcome.APPROVE) + outcomes.get(Outcome.APPROVE_WITH_CONDITIONS);
        return new WhatIfSummary.Side(rules.version(), rules.label(), new EnumMap<>(outcomes),
                count == 0 ? 0 : round(approved / count), count == 0 ? 0 : round((double) socialValue / count),
                count == 0 ? 0 : round((double) financial / count), notAssessed, notAssessedReason);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}

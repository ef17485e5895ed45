package org.blended.service.review.settlement;

import org.blended.rules.assessment.Outcome;

/** Whether a person's final decision is better or worse for the applicant than the automated one. */
public enum Direction {
    MORE_FAVOURABLE, LESS_FAVOURABLE;

    /** Null when the person kept the automated outcome. A referral is between a decline and an approval. */
    public static Direction of(Outcome automated, Outcome fin) {
        int change = rank(fin) - rank(automated);
        return change == 0 ? null : change > 0 ? MORE_FAVOURABLE : LESS_FAVOURABLE;
    }

    private static int rank(Outcome outcome) {
        return switch (outcome) {
            case DECLINE -> 0;
            case REFER -> 1;
            case APPROVE_WITH_CONDITIONS -> 2;
            case APPROVE -> 3;
        };
    }

    public String words() {
        return this == MORE_FAVOURABLE ? "more favourable to the applicant" : "less favourable to the applicant";
    }
}

package org.blended.service.review.report;

import java.util.Arrays;

/**
 * Percentiles by linear interpolation between the closest ranks, as PostgreSQL's percentile_cont:
 * computed here because the embedded default database (H2) has no such function.
 */
final class Percentiles {

    private Percentiles() {
    }

    /** The p-th percentile (0 to 1) of the values, in their unit; null when there are none. */
    static Long of(long[] values, double p) {
        if (values.length == 0) {
            return null;
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        double rank = p * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = Math.min(below + 1, sorted.length - 1);
        return Math.round(sorted[below] + (rank - below) * (sorted[above] - sorted[below]));
    }
}

package org.blended.service.review.report;

import java.util.Arrays;

/** Counts final decisions and overrides and keeps their times, for one month or one group. */
final class Tally {

    private int decisions;
    private int overrides;
    private long[] seconds = new long[8];

    void add(Settled settled) {
        if (decisions == seconds.length) {
            seconds = Arrays.copyOf(seconds, decisions * 2);
        }
        seconds[decisions++] = settled.secondsToDecision();
        if (settled.overrides()) {
            overrides++;
        }
    }

    int overrides() {
        return overrides;
    }

    OverridesReport.Figures figures() {
        long[] times = Arrays.copyOf(seconds, decisions);
        return new OverridesReport.Figures(decisions, overrides, decisions == 0 ? null : (double) overrides / decisions,
                Percentiles.of(times, 0.5), Percentiles.of(times, 0.95));
    }
}

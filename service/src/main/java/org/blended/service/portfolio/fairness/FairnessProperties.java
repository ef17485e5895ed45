package org.blended.service.portfolio.fairness;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When a group's approval rate is flagged: under {@code disparityRatio} of the overall rate (0.8, the
 * "four-fifths" rule of thumb) with at least {@code minimumApplications} applications, so a small
 * group's chance result is not over-read. The gauge is worked out again every {@code gaugeRefresh}.
 */
@ConfigurationProperties("blended.portfolio.fairness")
record FairnessProperties(Double disparityRatio, Integer minimumApplications, Duration gaugeRefresh) {

    public FairnessProperties {
        disparityRatio = disparityRatio == null ? 0.8 : disparityRatio;
        minimumApplications = minimumApplications == null ? 30 : minimumApplications;
        gaugeRefresh = gaugeRefresh == null ? Duration.ofMinutes(10) : gaugeRefresh;
        if (disparityRatio <= 0 || disparityRatio > 1 || minimumApplications < 1) {
            throw new IllegalArgumentException("blended.portfolio.fairness: disparity-ratio must be above 0 and at most 1, "
                    + "minimum-applications at least 1");
        }
    }
}

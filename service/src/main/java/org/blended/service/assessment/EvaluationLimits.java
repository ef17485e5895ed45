package org.blended.service.assessment;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How far one evaluation may go before it is stopped and fails, so that a rule set that fires
 * for ever (or merely for too long) holds up neither its caller nor anyone else.
 *
 * @param maxFirings        rules one evaluation may fire (the shipped rules fire about 43)
 * @param evaluationTimeout the longest one evaluation may take, counted from when it is handed to the workers
 */
@ConfigurationProperties("blended.rules")
public record EvaluationLimits(@DefaultValue("10000") int maxFirings, @DefaultValue("2s") Duration evaluationTimeout) {

    public static final EvaluationLimits DEFAULTS = new EvaluationLimits(10_000, Duration.ofSeconds(2));

    public EvaluationLimits {
        if (maxFirings < 1) {
            throw new IllegalArgumentException("blended.rules.max-firings must be at least 1, not " + maxFirings);
        }
        if (evaluationTimeout == null || evaluationTimeout.isNegative() || evaluationTimeout.isZero()) {
            throw new IllegalArgumentException("blended.rules.evaluation-timeout must be positive, not " + evaluationTimeout);
        }
    }
}

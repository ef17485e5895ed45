package org.blended.service.assessment;

import java.time.Duration;
import java.util.Locale;

/** The rule set went past a limit of {@link EvaluationLimits} and was stopped before reaching a decision. */
class EvaluationLimitException extends EvaluationFailedException {

    /** Which limit it went past. */
    public enum Limit { FIRINGS, TIME }

    private final Limit limit;

    private EvaluationLimitException(Limit limit, String message) {
        super(message);
        this.limit = limit;
    }

    static EvaluationLimitException firings(String ruleSet, int maxFirings) {
        return new EvaluationLimitException(Limit.FIRINGS, "rule set " + ruleSet + " fired more than "
                + String.format(Locale.UK, "%,d", maxFirings) + " rules without reaching a decision");
    }

    static EvaluationLimitException time(String ruleSet, Duration timeout) {
        return new EvaluationLimitException(Limit.TIME, "rule set " + ruleSet + " did not reach a decision within "
                + describe(timeout));
    }

    public Limit limit() {
        return limit;
    }

    private static String describe(Duration timeout) {
        long millis = timeout.toMillis();
        if (millis % 1000 != 0) {
            return String.format(Locale.UK, "%,d ms", millis);
        }
        long seconds = millis / 1000;
        return String.format(Locale.UK, "%,d", seconds) + (seconds == 1 ? " second" : " seconds");
    }
}

package org.blended.service.assessment;

/**
 * The rule set could not assess an application: it reached no outcome, a rule failed, or it went
 * past a limit ({@link EvaluationLimitException}). The message says why in words for the lender
 * and the officer (no class names); it starts in lower case, to follow "not assessed: ".
 */
public class EvaluationFailedException extends RuntimeException {

    public EvaluationFailedException(String message) {
        super(message);
    }

    public EvaluationFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}

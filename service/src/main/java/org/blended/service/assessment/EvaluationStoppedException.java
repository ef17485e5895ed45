package org.blended.service.assessment;

/**
 * The evaluation was stopped because the service is stopping (or its caller was interrupted), not
 * because of the application or the rule set: sent again, it is assessed as usual.
 */
public class EvaluationStoppedException extends RuntimeException {

    EvaluationStoppedException(String message) {
        super(message);
    }
}

package org.blended.service.ruleset;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A version that does not exist, answered 404. */
public class RuleSetNotFoundException extends ErrorResponseException {

    public RuleSetNotFoundException(Object version) {
        super(HttpStatus.NOT_FOUND, problem("There is no rule set " + version + "."), null);
    }

    private static ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        problem.setTitle("Rule set not found");
        return problem;
    }
}

package org.blended.service.ruleset;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** An upload that cannot become a draft (wrong kind of file, unreadable bundle), answered 400. */
public class RuleSetUploadException extends ErrorResponseException {

    public RuleSetUploadException(String detail) {
        super(HttpStatus.BAD_REQUEST, problem(detail), null);
    }

    private static ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Rule set upload refused");
        return problem;
    }
}

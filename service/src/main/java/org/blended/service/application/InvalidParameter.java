package org.blended.service.application;

import java.util.List;

import org.blended.integration.submission.InvalidField;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request parameter the search cannot take: 400 problem+json shaped like the range checks
 * Spring MVC makes ({@code ProblemResponses}), naming the parameter and what it may be.
 */
final class InvalidParameter {

    private InvalidParameter() {
    }

    static ErrorResponseException of(String parameter, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Request parameter " + parameter + " " + message + ".");
        problem.setTitle("Invalid request parameter");
        problem.setProperty("errors", List.of(new InvalidField(parameter, message)));
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }
}

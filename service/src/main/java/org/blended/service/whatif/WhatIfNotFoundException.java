package org.blended.service.whatif;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A what-if run that does not exist, answered 404. */
public class WhatIfNotFoundException extends ErrorResponseException {

    public WhatIfNotFoundException(UUID id) {
        super(HttpStatus.NOT_FOUND, problem(id), null);
    }

    private static ProblemDetail problem(UUID id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "There is no what-if run " + id + ".");
        problem.setTitle("What-if run not found");
        return problem;
    }
}

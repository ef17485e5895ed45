package org.blended.service.review.report;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A report parameter that cannot be used: answered 400 problem+json naming the parameter and why. */
class InvalidReportParameter extends ResponseStatusException {

    private final String parameter;

    InvalidReportParameter(String parameter, String why) {
        super(HttpStatus.BAD_REQUEST, "Request parameter " + parameter + " " + why);
        this.parameter = parameter;
        setTitle("Invalid request parameter");
        getBody().setProperty("parameter", parameter);
    }

    String parameter() {
        return parameter;
    }

    String why() {
        return getReason();
    }
}

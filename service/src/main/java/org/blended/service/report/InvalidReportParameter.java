package org.blended.service.report;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A report parameter that cannot be used: answered 400 problem+json naming the parameter and why. */
public class InvalidReportParameter extends ResponseStatusException {

    private final String parameter;

    public InvalidReportParameter(String parameter, String why) {
        super(HttpStatus.BAD_REQUEST, "Request parameter " + parameter + " " + why);
        this.parameter = parameter;
        setTitle("Invalid request parameter");
        getBody().setProperty("parameter", parameter);
    }

    public String parameter() {
        return parameter;
    }

    public String why() {
        return getReason();
    }
}

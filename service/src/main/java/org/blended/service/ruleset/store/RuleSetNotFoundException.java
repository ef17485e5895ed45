package org.blended.service.ruleset.store;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A version that does not exist, answered 404. */
public class RuleSetNotFoundException extends ErrorResponseException {

    public RuleSetNotFoundException(Object version) {
        super(HttpStatus.NOT_FOUND);
        setTitle("Rule set not found");
        setDetail("There is no rule set " + version + ".");
    }
}

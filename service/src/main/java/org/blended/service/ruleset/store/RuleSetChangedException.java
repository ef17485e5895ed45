package org.blended.service.ruleset.store;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A version that changed, or stopped being a draft, while a change to it was worked out: answered 409. */
public class RuleSetChangedException extends ErrorResponseException {

    public RuleSetChangedException(String detail) {
        super(HttpStatus.CONFLICT);
        setTitle("Rule set changed meanwhile");
        setDetail(detail);
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}

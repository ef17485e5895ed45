package org.blended.service.ruleset.lifecycle;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A step the version's state does not allow (publishing a draft that failed validation, ...), answered 409. */
public class RuleSetConflictException extends ErrorResponseException {

    public RuleSetConflictException(String title, String detail) {
        super(HttpStatus.CONFLICT);
        setTitle(title);
        setDetail(detail);
    }
}

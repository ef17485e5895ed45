package org.blended.service.ruleset;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** An upload that cannot become a draft (wrong kind of file, unreadable bundle), answered 400. */
public class RuleSetUploadException extends ErrorResponseException {

    public RuleSetUploadException(String detail) {
        super(HttpStatus.BAD_REQUEST);
        setTitle("Rule set upload refused");
        setDetail(detail);
    }
}

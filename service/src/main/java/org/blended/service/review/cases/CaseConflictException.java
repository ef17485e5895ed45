package org.blended.service.review.cases;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A case changed under the caller (another officer acted first) or is in no state for this step. */
public class CaseConflictException extends ResponseStatusException {

    public CaseConflictException(String reason) {
        super(HttpStatus.CONFLICT, reason);
    }
}

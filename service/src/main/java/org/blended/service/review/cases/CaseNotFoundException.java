package org.blended.service.review.cases;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** No such case for this lender: another lender's case is simply not found. */
class CaseNotFoundException extends ResponseStatusException {

    CaseNotFoundException(UUID id) {
        super(HttpStatus.NOT_FOUND, "No review case " + id);
    }
}

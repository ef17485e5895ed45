package org.blended.service.whatif;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A what-if run that does not exist, answered 404. */
class WhatIfNotFoundException extends ErrorResponseException {

    public WhatIfNotFoundException(UUID id) {
        super(HttpStatus.NOT_FOUND);
        setTitle("What-if run not found");
        setDetail("There is no what-if run " + id + ".");
    }
}

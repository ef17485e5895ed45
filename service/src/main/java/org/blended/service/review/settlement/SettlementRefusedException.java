package org.blended.service.review.settlement;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A settlement that cannot be recorded as it is: says which field and why, or who may do it instead. */
class SettlementRefusedException extends ResponseStatusException {

    SettlementRefusedException(HttpStatus status, String reason) {
        super(status, reason);
    }

    static SettlementRefusedException invalid(String reason) {
        return new SettlementRefusedException(HttpStatus.BAD_REQUEST, reason);
    }

    static SettlementRefusedException forbidden(String reason) {
        return new SettlementRefusedException(HttpStatus.FORBIDDEN, reason);
    }
}

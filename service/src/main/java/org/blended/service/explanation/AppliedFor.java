package org.blended.service.explanation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.blended.service.decision.StoredApplication;

/** What the applicant asked for, as their page repeats it: the lender's reference, the amount and term, when it came. */
record AppliedFor(String reference, BigDecimal amount, Integer termMonths, Instant receivedAt, UUID lenderId) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static AppliedFor of(StoredApplication stored) {
        return new AppliedFor(stored.getLenderReference(), stored.getAmount(), termMonths(stored.getPayload()),
                stored.getReceivedAt(), stored.getLenderId());
    }

    /** The term is only in the stored application itself; a payload without one leaves it out of the page. */
    private static Integer termMonths(String payload) {
        try {
            JsonNode term = payload == null ? null : JSON.readTree(payload).at("/request/termMonths");
            return term != null && term.canConvertToInt() && term.intValue() > 0 ? term.intValue() : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}

package org.blended.service.security;

import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Told of a request refused before a controller read it (too large, of the wrong type, empty),
 * so that a lender's refused submission is on record like an invalid one.
 */
public interface RefusedRequests {

    /** The id the refusal is recorded under; empty when the request was no lender's submission. */
    Optional<UUID> refused(HttpServletRequest request, String reason);
}

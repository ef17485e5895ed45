package org.blended.service.intake;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.blended.integration.submission.Channel;
import org.blended.integration.submission.Submission;
import org.blended.service.security.ApiKeyAuthenticationFilter;
import org.blended.service.security.ApiKeys;
import org.blended.service.security.Caller;
import org.blended.service.security.RefusedRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Records a lender's submission that was refused as a request (413 too large, 415 not JSON, an
 * empty or unreadable body) before it could be read as an application: every submission ends
 * decided or recorded, whichever way it was refused. The body is not kept: it was not read, or
 * there was none.
 */
@Component
class ProtocolRefusals implements RefusedRequests {

    private static final Logger log = LoggerFactory.getLogger(ProtocolRefusals.class);
    private static final Set<String> INTAKE = Set.of("/api/v1/applications", "/api/v1/batches");

    private final RejectionLog rejections;
    private final ApiKeys keys;
    private final Clock clock;

    ProtocolRefusals(RejectionLog rejections, ApiKeys keys, Clock clock) {
        this.rejections = rejections;
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public Optional<UUID> refused(HttpServletRequest request, String reason) {
        if (!"POST".equals(request.getMethod()) || !INTAKE.contains(path(request))) {
            return Optional.empty();
        }
        Caller lender = null;
        try {
            lender = lender(request);
            if (lender == null) {
                return Optional.empty();
            }
            Submission submission = new Submission(new byte[0], Channel.REST,
                    "rest:" + lender.name() + "@" + request.getRemoteAddr(), lender.lenderId());
            UUID id = rejections.record(submission, reason, clock.instant()).getId();
            log.info("Refused REST request of {} to {} (rejection {}): {}", lender.name(), path(request), id, reason);
            return Optional.of(id);
        } catch (RuntimeException e) { // the refusal is answered all the same (the database may be away)
            log.warn("Could not record the refusal of a request of {} to {}: {}", lender == null ? "a lender" : lender.name(),
                    path(request), reason, e);
            return Optional.empty();
        }
    }

    /** The lender whose key the request carries: a body too large is refused before Spring Security runs. */
    private Caller lender(HttpServletRequest request) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        Caller caller = authentication != null && authentication.getPrincipal() instanceof Caller known ? known : null;
        String secret = request.getHeader(ApiKeyAuthenticationFilter.HEADER);
        if (caller == null && secret != null && !secret.isBlank()) {
            caller = keys.authenticate(secret).orElse(null);
        }
        return caller != null && caller.lenderId() != null ? caller : null;
    }

    private static String path(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}

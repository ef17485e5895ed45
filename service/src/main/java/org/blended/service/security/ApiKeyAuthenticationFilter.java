package org.blended.service.security;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.blended.service.database.DatabaseProbe;
import org.blended.service.database.TransientFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request carrying {@code X-API-Key}; a wrong or revoked key is answered 401 at once.
 * The key is looked up in the database on every request (a revoked key stops at once), so while
 * the database is away the answer is 503 with Retry-After, written here, outside the problem handler.
 */
public class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-API-Key";
    /** As the problem handler answers any other transient failure. */
    private static final String RETRY_AFTER_SECONDS = "5";

    private static final Logger log = LoggerFactory.getLogger(ApiKeyAuthenticationFilter.class);

    private final ApiKeys apiKeys;
    private final ProblemWriter problems;
    private final DatabaseProbe database;

    public ApiKeyAuthenticationFilter(ApiKeys apiKeys, ProblemWriter problems, DatabaseProbe database) {
        this.apiKeys = apiKeys;
        this.problems = problems;
        this.database = database;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String secret = request.getHeader(HEADER);
        if (secret == null || secret.isBlank()) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Caller> caller;
        try {
            caller = apiKeys.authenticate(secret.strip());
        } catch (RuntimeException e) { // out here no problem handler answers for us
            if (TransientFailures.isTransient(e, database)) {
                log.warn("API key not checked, the database being away: {}", e.toString());
                response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
                problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "Temporarily unavailable",
                        "The API key cannot be checked at the moment; nothing was stored. Send the same request again "
                                + "shortly.");
                return;
            }
            log.error("API key check failed", e);
            problems.write(request, response, HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                    "The request could not be completed; nothing was stored. Try again, and tell us if it persists.");
            return;
        }
        if (caller.isEmpty()) {
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "Unknown API key",
                    "The X-API-Key header does not hold a valid key: it is unknown or was revoked.");
            return;
        }
        var authentication = new UsernamePasswordAuthenticationToken(caller.get(), null,
                List.of(new SimpleGrantedAuthority(caller.get().role().authority())));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}

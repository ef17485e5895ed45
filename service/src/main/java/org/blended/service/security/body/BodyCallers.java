package org.blended.service.security.body;

import org.blended.service.security.ApiKeyAuthenticationFilter;
import org.blended.service.security.ApiKeys;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * Whether a request comes from a caller the service knows (a valid API key, or a signed-in
 * session), asked before its body is received: bodies are received before Spring Security
 * runs, and no one unknown may make the service hold a large one (a 512 MB batch) for them.
 */
final class BodyCallers {

    private static final Logger log = LoggerFactory.getLogger(BodyCallers.class);
    /** The most an unknown caller may send: a sign-in form or a small request that will be refused anyway. */
    static final long UNKNOWN_CALLER_BYTES = 64 * 1024;

    private final ApiKeys keys;

    BodyCallers(ApiKeys keys) {
        this.keys = keys;
    }

    boolean known(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) != null) {
            return true;
        }
        String secret = request.getHeader(ApiKeyAuthenticationFilter.HEADER);
        if (secret == null || secret.isBlank()) {
            return false;
        }
        try {
            return keys.authenticate(secret).isPresent();
        } catch (RuntimeException e) {
            // The database is away: the request is answered 503 once received, whoever sent it.
            log.debug("Could not look up an API key before receiving a body: {}", e.toString());
            return true;
        }
    }
}

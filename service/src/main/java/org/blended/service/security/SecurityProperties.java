package org.blended.service.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits and sign-in settings.
 *
 * @param maxRequestBytes largest request body accepted (413 beyond)
 * @param requestsPerMinute allowance of each API key (429 beyond)
 * @param oidcRoleClaim the claim of an OIDC identity that names its roles (LENDER is not given to people)
 */
@ConfigurationProperties("blended.security")
public record SecurityProperties(Long maxRequestBytes, Long requestsPerMinute, String oidcRoleClaim) {

    public SecurityProperties {
        maxRequestBytes = maxRequestBytes == null ? 262_144L : maxRequestBytes;
        requestsPerMinute = requestsPerMinute == null ? 600L : requestsPerMinute;
        oidcRoleClaim = oidcRoleClaim == null ? "roles" : oidcRoleClaim;
    }
}

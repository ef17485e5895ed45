package org.blended.service.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits and sign-in settings.
 *
 * @param maxRequestBytes largest request body accepted (413 beyond)
 * @param requestsPerMinute allowance of each API key (429 beyond)
 * @param oidcRoleClaim the claim of an OIDC identity that names its roles (LENDER is not given to people)
 * @param login how failed sign-ins to the pages lock a user name or client address
 */
@ConfigurationProperties("blended.security")
public record SecurityProperties(Long maxRequestBytes, Long requestsPerMinute, String oidcRoleClaim, Login login) {

    public SecurityProperties {
        maxRequestBytes = maxRequestBytes == null ? 262_144L : maxRequestBytes;
        requestsPerMinute = requestsPerMinute == null ? 600L : requestsPerMinute;
        oidcRoleClaim = oidcRoleClaim == null ? "roles" : oidcRoleClaim;
        login = login == null ? new Login(null, null, null, null) : login;
    }

    /**
     * @param maxFailures failed sign-ins of one user name, or from one client address, that lock it
     * @param firstLockout how long the first lockout lasts; each further one lasts twice as long
     * @param maxLockout the longest a lockout lasts
     * @param forgetAfter a name or address without a failure for this long starts afresh
     */
    public record Login(Integer maxFailures, Duration firstLockout, Duration maxLockout, Duration forgetAfter) {

        public Login {
            maxFailures = maxFailures == null ? 5 : maxFailures;
            firstLockout = firstLockout == null ? Duration.ofMinutes(1) : firstLockout;
            maxLockout = maxLockout == null ? Duration.ofHours(1) : maxLockout;
            forgetAfter = forgetAfter == null ? Duration.ofHours(24) : forgetAfter;
            if (maxFailures < 1) {
                throw new IllegalArgumentException("blended.security.login.max-failures must be at least 1");
            }
            if (firstLockout.isNegative() || firstLockout.isZero() || maxLockout.compareTo(firstLockout) < 0) {
                throw new IllegalArgumentException("blended.security.login: first-lockout must be positive and at most max-lockout");
            }
        }
    }
}

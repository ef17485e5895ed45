package org.blended.service.security.signin;

import java.time.Clock;
import java.time.Duration;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * First in line for a form sign-in: refuses it while its user name or client address is locked,
 * before the password is checked, so a correct password does not open a lockout early. Otherwise
 * it abstains and the user name and password are checked as always. A {@link LockedException}
 * ends the sign-in at once; the sign-in page shows its message.
 */
public final class SignInLockoutCheck implements AuthenticationProvider {

    private final SignInAttempts attempts;
    private final Clock clock;

    public SignInLockoutCheck(SignInAttempts attempts, Clock clock) {
        this.attempts = attempts;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        attempts.lockout(attempt.getName(), SignInAttempts.address(attempt)).ifPresent(lockout -> {
            throw new LockedException(message(lockout));
        });
        return null;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private String message(SignInAttempts.Lockout lockout) {
        long seconds = Math.max(1, Duration.between(clock.instant(), lockout.lockedUntil()).toSeconds());
        long minutes = (seconds + 59) / 60;
        String wait = minutes == 1 ? "1 minute" : minutes + " minutes";
        return lockout.kind() == SignInAttempts.Kind.USER
                ? "Too many failed sign-ins for this account; try again in " + wait + " or ask an administrator to unlock it."
                : "Too many failed sign-ins from your network address; try again in " + wait
                        + " or ask an administrator to unlock it.";
    }
}

package org.blended.service.security.signin;

import java.security.Principal;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Admins see which user names and client addresses may not sign in to the pages for now, and unlock them. */
@RestController
@RequestMapping("/api/v1/admin/sign-in-lockouts")
@Tag(name = "Administration")
class SignInLockoutController {

    private static final Logger log = LoggerFactory.getLogger(SignInLockoutController.class);

    private final SignInAttempts attempts;

    SignInLockoutController(SignInAttempts attempts) {
        this.attempts = attempts;
    }

    public record LockoutView(String kind, String subject, Instant lockedUntil, int lockouts, Instant lastFailureAt) {
    }

    @GetMapping
    @Operation(summary = "User names and client addresses locked after too many failed sign-ins, the longest lockout first")
    List<LockoutView> locked() {
        return attempts.locked().stream().map(l -> new LockoutView(l.kind().name(), l.subject(), l.lockedUntil(),
                l.lockouts(), l.lastFailureAt())).toList();
    }

    @DeleteMapping("/users/{username}")
    @Operation(summary = "Unlock a user name", description = "Forgets its failed sign-ins and lockouts, so the next "
            + "lockout is again the shortest.")
    ResponseEntity<Void> unlockUser(@PathVariable String username, Principal admin) {
        return unlock(SignInAttempts.Kind.USER, username, admin, "user name");
    }

    @DeleteMapping("/addresses/{address}")
    @Operation(summary = "Unlock a client address", description = "Forgets its failed sign-ins and lockouts.")
    ResponseEntity<Void> unlockAddress(@PathVariable String address, Principal admin) {
        return unlock(SignInAttempts.Kind.ADDRESS, address, admin, "client address");
    }

    private ResponseEntity<Void> unlock(SignInAttempts.Kind kind, String subject, Principal admin, String what) {
        if (!attempts.unlock(kind, subject)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No failed sign-ins are recorded for " + what + " " + subject);
        }
        log.info("Sign-in of {} '{}' unlocked by {}", what, SignInAttempts.printable(subject), admin.getName());
        return ResponseEntity.noContent().build();
    }
}

package org.blended.service.security.signin;

import org.blended.service.security.SecurityProperties;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Failed sign-ins to the pages, counted per user name and per client address in the database, so
 * that every instance agrees. After {@code max-failures} of them the name or address is locked for
 * {@code first-lockout}, twice as long at each further lockout up to {@code max-lockout}. Spring
 * Security reports each outcome as an event; {@link SignInLockoutCheck} refuses a locked sign-in
 * before its password is checked. Names that do not exist are counted and locked alike, so a
 * lockout does not tell which accounts exist.
 */
@Component
public class SignInAttempts {

    private static final Logger log = LoggerFactory.getLogger(SignInAttempts.class);
    private static final int SUBJECT_LENGTH = 255;

    enum Kind { USER, ADDRESS }

    record Lockout(Kind kind, String subject, Instant lockedUntil, int lockouts, Instant lastFailureAt) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final SecurityProperties.Login settings;
    private final Clock clock;

    SignInAttempts(JdbcTemplate jdbc, PlatformTransactionManager transactions, SecurityProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.settings = properties.login();
        this.clock = clock;
    }

    /** The lockout in force for this user name or client address; the longer one when both are locked. */
    Optional<Lockout> lockout(String username, String address) {
        return jdbc.query("select kind, subject, locked_until, lockouts, last_failure_at from sign_in_attempt "
                        + "where ((kind = 'USER' and subject = ?) or (kind = 'ADDRESS' and subject = ?)) and locked_until > ?",
                SignInAttempts::lockout, subject(username), subject(address), Timestamp.from(clock.instant()))
                .stream().max(Comparator.comparing(Lockout::lockedUntil));
    }

    /** Names and addresses locked now, the longest lockout first. */
    List<Lockout> locked() {
        return jdbc.query("select kind, subject, locked_until, lockouts, last_failure_at from sign_in_attempt "
                + "where locked_until > ? order by locked_until desc", SignInAttempts::lockout, Timestamp.from(clock.instant()));
    }

    /** Forgets the failures and lockouts of a name or address; false when none were recorded. */
    boolean unlock(Kind kind, String subject) {
        return jdbc.update("delete from sign_in_attempt where kind = ? and subject = ?", kind.name(), subject(subject)) > 0;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken attempt) {
            countFailure(attempt.getName(), address(attempt));
        }
    }

    /** A correct password clears the name's count; the address's stays, or one good account would reset it. */
    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken signedIn) {
            unlock(Kind.USER, signedIn.getName());
        }
    }

    void countFailure(String username, String address) {
        Instant now = clock.instant();
        transaction.executeWithoutResult(status -> {
            count(Kind.USER, username, now); // always in this order, so two sign-ins never wait for each other in a cycle
            if (address != null) {
                count(Kind.ADDRESS, address, now);
            }
        });
        try { // housekeeping, in its own statement so it holds no lock while counting
            jdbc.update("delete from sign_in_attempt where last_failure_at < ? and (locked_until is null or locked_until < ?)",
                    Timestamp.from(now.minus(settings.forgetAfter())), Timestamp.from(now));
        } catch (DataAccessException e) {
            log.debug("Old failed sign-ins not deleted this time: {}", e.getMessage());
        }
    }

    private void count(Kind kind, String subject, Instant now) {
        String key = subject(subject);
        jdbc.update("insert into sign_in_attempt (kind, subject, failures, lockouts, last_failure_at) values (?, ?, 0, 0, ?) "
                + "on conflict do nothing", kind.name(), key, Timestamp.from(now));
        // Locked for the rest of the transaction: instances counting at once each see the other's failure.
        Counted counted = jdbc.queryForObject("select failures, lockouts, last_failure_at, locked_until from sign_in_attempt "
                        + "where kind = ? and subject = ? for update",
                (rs, i) -> new Counted(rs.getInt(1), rs.getInt(2), rs.getTimestamp(3).toInstant(), rs.getTimestamp(4)),
                kind.name(), key);
        boolean forgotten = counted.lastFailureAt().isBefore(now.minus(settings.forgetAfter()));
        int failures = (forgotten ? 0 : counted.failures()) + 1;
        int lockouts = forgotten ? 0 : counted.lockouts();
        Timestamp lockedUntil = counted.lockedUntil();
        if (failures >= settings.maxFailures()) {
            lockouts++;
            failures = 0;
            lockedUntil = Timestamp.from(now.plus(lockFor(lockouts, settings)));
            log.warn("Sign-in locked for {} '{}' until {} after {} failures (lockout {})", kind.name().toLowerCase(),
                    printable(key), lockedUntil.toInstant(), settings.maxFailures(), lockouts);
        }
        jdbc.update("update sign_in_attempt set failures = ?, lockouts = ?, last_failure_at = ?, locked_until = ? "
                + "where kind = ? and subject = ?", failures, lockouts, Timestamp.from(now), lockedUntil, kind.name(), key);
    }

    private record Counted(int failures, int lockouts, Instant lastFailureAt, Timestamp lockedUntil) {
    }

    /** The first lockout lasts first-lockout; each further one twice as long as the one before, up to max-lockout. */
    static Duration lockFor(int lockouts, SecurityProperties.Login settings) {
        Duration period = settings.firstLockout();
        for (int i = 1; i < lockouts && period.compareTo(settings.maxLockout()) < 0; i++) {
            period = period.multipliedBy(2);
        }
        return period.compareTo(settings.maxLockout()) > 0 ? settings.maxLockout() : period;
    }

    /** The client address of a form sign-in (behind a proxy, see server.forward-headers-strategy). */
    static String address(Authentication attempt) {
        return attempt.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
    }

    private static String subject(String value) {
        String subject = value == null ? "" : value;
        return subject.length() > SUBJECT_LENGTH ? subject.substring(0, SUBJECT_LENGTH) : subject;
    }

    /** A typed user name as it may be logged: no line breaks or other control characters. */
    static String printable(String subject) {
        return subject.replaceAll("\\p{Cntrl}", "?");
    }

    private static Lockout lockout(ResultSet rs, int row) throws SQLException {
        return new Lockout(Kind.valueOf(rs.getString(1)), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getInt(4),
                rs.getTimestamp(5).toInstant());
    }
}

package org.blended.service.security.signin;

import static org.assertj.core.api.Assertions.assertThat;

import org.blended.service.security.SecurityProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.blended.service.security.signin.SignInAttempts.Kind;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The counting and the growing lockouts, on the embedded H2 database of the zero-setup default
 * (PostgreSQL is covered by {@link LoginThrottlingTest}), with a clock the test moves on.
 */
class SignInAttemptsTest {

    /** A clock that stands still until the test moves it. */
    static final class TestClock extends Clock {
        private Instant now = Instant.parse("2026-03-02T09:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private static final SecurityProperties.Login SETTINGS =
            new SecurityProperties.Login(3, Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofHours(24));

    private static DriverManagerDataSource database;

    private final TestClock clock = new TestClock();
    private SignInAttempts attempts;

    @BeforeAll
    static void migrate() {
        database = new DriverManagerDataSource("jdbc:h2:mem:sign-in-attempts"
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(database).locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .load().migrate();
    }

    @BeforeEach
    void noAttempts() {
        JdbcTemplate jdbc = new JdbcTemplate(database);
        jdbc.update("delete from sign_in_attempt");
        attempts = new SignInAttempts(jdbc, new DataSourceTransactionManager(database),
                new SecurityProperties(null, null, null, SETTINGS), clock);
    }

    @Test
    void aNameIsLockedAtTheLimitForAPeriodThatDoublesUpToTheCap() {
        failTimes(2, "ann", null);
        assertThat(attempts.lockout("ann", null)).isEmpty();

        failTimes(1, "ann", null);
        assertThat(lockedFor("ann", null)).isEqualTo(Duration.ofMinutes(1));

        for (Duration expected : new Duration[]{Duration.ofMinutes(2), Duration.ofMinutes(4), Duration.ofMinutes(5),
                Duration.ofMinutes(5)}) {
            clock.advance(lockedFor("ann", null));
            assertThat(attempts.lockout("ann", null)).as("the lockout has ended").isEmpty();
            failTimes(3, "ann", null);
            assertThat(lockedFor("ann", null)).isEqualTo(expected);
        }
        assertThat(attempts.locked()).singleElement().satisfies(l -> {
            assertThat(l.kind()).isEqualTo(Kind.USER);
            assertThat(l.subject()).isEqualTo("ann");
            assertThat(l.lockouts()).isEqualTo(5);
        });
    }

    @Test
    void anAddressIsCountedAcrossNamesAndLocksEveryName() {
        attempts.countFailure("a", "203.0.113.7");
        attempts.countFailure("b", "203.0.113.7");
        attempts.countFailure("c", "203.0.113.7");

        assertThat(attempts.lockout("someone-else", "203.0.113.7")).hasValueSatisfying(l -> {
            assertThat(l.kind()).isEqualTo(Kind.ADDRESS);
            assertThat(l.lockedUntil()).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));
        });
        assertThat(attempts.lockout("a", "198.51.100.1")).as("a, b and c failed once each").isEmpty();
    }

    @Test
    void successClearsTheNameButNotTheAddress() {
        failTimes(2, "bob", "203.0.113.8");
        attempts.unlock(Kind.USER, "bob"); // what a successful sign-in does
        failTimes(2, "bob", "198.51.100.2");
        assertThat(attempts.lockout("bob", null)).isEmpty();

        attempts.countFailure("carol", "203.0.113.8");
        assertThat(attempts.lockout("carol", "203.0.113.8")).as("the address's third failure").isPresent();
    }

    @Test
    void failuresAreForgottenAfterAQuietDay() {
        failTimes(2, "dan", null);
        clock.advance(Duration.ofHours(25));
        failTimes(2, "dan", null);
        assertThat(attempts.lockout("dan", null)).isEmpty();

        failTimes(1, "dan", null);
        clock.advance(lockedFor("dan", null).plus(Duration.ofHours(25)));
        failTimes(3, "dan", null);
        assertThat(lockedFor("dan", null)).as("the doubling starts again too").isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void anAdminUnlockForgetsTheLockout() {
        failTimes(3, "erin", null);
        assertThat(attempts.unlock(Kind.USER, "erin")).isTrue();
        assertThat(attempts.lockout("erin", null)).isEmpty();
        assertThat(attempts.unlock(Kind.USER, "erin")).as("nothing left to unlock").isFalse();
    }

    private void failTimes(int times, String username, String address) {
        for (int i = 0; i < times; i++) {
            attempts.countFailure(username, address);
        }
    }

    private Duration lockedFor(String username, String address) {
        return Duration.between(clock.instant(), attempts.lockout(username, address).orElseThrow().lockedUntil());
    }
}

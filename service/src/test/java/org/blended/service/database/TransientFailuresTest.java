package org.blended.service.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.blended.integration.submission.InvalidSubmissionException;
import org.blended.integration.submission.TransientIntakeException;
import org.blended.service.TcpProxy;
import org.hibernate.TransactionException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.TransactionSystemException;

/**
 * The failures seen while PostgreSQL went away count as transient, including those that hide
 * the cause; a refusal by the database does not, unless the database does not answer.
 */
class TransientFailuresTest {

    /** HikariCP's answer on a connection it closed after the database went away: no SQLState. */
    private static final SQLException CLOSED_BY_POOL = new SQLException("Connection is closed");
    private static final SQLException UNIQUE_VIOLATION = new SQLException("duplicate key value", "23505");
    private static final SQLException NUL_IN_TEXT = new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021");

    private static TcpProxy database;
    private static DatabaseProbe answering;
    private static DatabaseProbe away;

    @BeforeAll
    static void databases() throws Exception {
        String url = System.getenv().getOrDefault("BLENDED_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        Matcher parts = Pattern.compile("^jdbc:postgresql://([^:/]+)(?::(\\d+))?/(.*)$").matcher(url);
        assertThat(parts.matches()).isTrue();
        database = TcpProxy.start(parts.group(1), parts.group(2) == null ? 5432 : Integer.parseInt(parts.group(2)));
        database.cut();
        answering = probe(url);
        away = probe("jdbc:postgresql://127.0.0.1:" + database.port() + "/" + parts.group(3));
    }

    private static DatabaseProbe probe(String url) {
        return new DatabaseProbe(new SimpleDriverDataSource(new org.postgresql.Driver(), url,
                System.getenv().getOrDefault("BLENDED_TEST_DB_USER", "postgres"),
                System.getenv().getOrDefault("BLENDED_TEST_DB_PASSWORD", "")));
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Test
    void aRollbackThatCouldNotReachTheDatabaseIsTransient() {
        // What JpaTransactionManager throws when Hibernate cannot roll back on the closed connection.
        var rollback = new TransactionSystemException("Could not roll back JPA transaction",
                new TransactionException("Unable to rollback against JDBC Connection", CLOSED_BY_POOL));
        assertThat(TransientFailures.isTransient(rollback)).isTrue();
        // ... and as @Transactional passes it on, translated.
        assertThat(TransientFailures.isTransient(new JpaSystemException(
                new TransactionException("Unable to rollback against JDBC Connection", CLOSED_BY_POOL)))).isTrue();
    }

    @Test
    void theFailureARollbackExceptionOverrodeCounts() {
        var rollback = new TransactionSystemException("Could not roll back", new IllegalStateException("rollback failed"));
        rollback.initApplicationException(new JDBCConnectionException("An I/O error occurred while sending to the backend.",
                new SQLException("An I/O error occurred while sending to the backend.", "08006")));
        assertThat(TransientFailures.isTransient(rollback)).isTrue();
    }

    @Test
    void aSuppressedConnectionFailureCounts() {
        var failure = new IllegalStateException("closing the session failed");
        failure.addSuppressed(new SQLException("This connection has been closed.", "08003"));
        assertThat(TransientFailures.isTransient(failure)).isTrue();
    }

    @Test
    void whatTheDatabaseRefusesIsNot() {
        assertThat(TransientFailures.isTransient(new DataIntegrityViolationException("duplicate", UNIQUE_VIOLATION))).isFalse();
        assertThat(TransientFailures.isTransient(new JpaSystemException(new RuntimeException(NUL_IN_TEXT)))).isFalse();
        assertThat(TransientFailures.isTransient(new IllegalStateException("a fault of ours"))).isFalse();
    }

    @Test
    void anyFailureIsTransientWhileTheDatabaseDoesNotAnswer() {
        var ours = new IllegalStateException("a fault of ours, or a failure that hides the outage");
        assertThat(TransientFailures.isTransient(ours, away)).isTrue();
        assertThat(TransientFailures.isTransient(ours, answering)).isFalse();

        assertThatThrownBy(() -> TransientFailures.retryable("Storing", () -> {
            throw ours;
        }, away)).isInstanceOf(TransientIntakeException.class).hasCause(ours);
        assertThatThrownBy(() -> TransientFailures.retryable("Storing", () -> {
            throw ours;
        }, answering)).isSameAs(ours);
    }

    @Test
    void aSubmissionRefusedIsAnAnswerNotAFailure() {
        var refused = new InvalidSubmissionException(java.util.List.of());
        assertThatThrownBy(() -> TransientFailures.retryable("Assessing", () -> {
            throw refused;
        }, away)).isSameAs(refused);
    }
}

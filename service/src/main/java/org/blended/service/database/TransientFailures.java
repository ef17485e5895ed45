package org.blended.service.database;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Supplier;

import org.blended.integration.submission.InvalidSubmissionException;
import org.blended.integration.submission.NotAssessedException;
import org.blended.integration.submission.TransientIntakeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure that will pass (the database unreachable or busy) from one that will not.
 * A failure met while the database is unreachable always passes, whatever its exception says:
 * once the connection is gone, what surfaces is often not the cause but a later failure, such
 * as the rollback that could not reach the database either.
 */
public final class TransientFailures {

    private static final Logger log = LoggerFactory.getLogger(TransientFailures.class);

    private TransientFailures() {
    }

    /**
     * SQLSTATE classes and codes that pass with time: connection trouble (08), serialization
     * failure and deadlock (40001, 40P01), insufficient resources (53), lock not available (55P03),
     * statement timeout or cancel (57014), server shutting down or starting (57P01 to 57P03).
     */
    private static boolean transientState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("53") || state.equals("40001")
                || state.equals("40P01") || state.equals("55P03") || state.equals("57014") || state.startsWith("57P"));
    }

    /** Transient by what the failure itself says, looking through its causes, suppressed failures and overridden ones. */
    public static boolean isTransient(Throwable failure) {
        for (Throwable t : everythingIn(failure)) {
            if (t instanceof SQLException sql && (transientState(sql.getSQLState()) || sql.getSQLState() == null)) {
                // PostgreSQL gives every refusal a SQLState; none means the pool or driver speaks of the
                // connection itself, as HikariCP's "Connection is closed" after the database went away.
                return true;
            }
            if (t instanceof TransientDataAccessException || t instanceof RecoverableDataAccessException
                    || t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof org.hibernate.exception.JDBCConnectionException) {
                return true;
            }
        }
        return false;
    }

    /** Transient by what the failure says or, failing that, because the database does not answer right now. */
    public static boolean isTransient(Throwable failure, DatabaseProbe database) {
        if (isTransient(failure)) {
            return true;
        }
        if (!database.answers()) {
            log.warn("Taken as transient, the database not answering: {}", failure.toString());
            return true;
        }
        return false;
    }

    /** Runs the step, turning a transient failure into the signal the routes retry on. */
    public static <T> T retryable(String what, Supplier<T> step) {
        try {
            return step.get();
        } catch (TransientIntakeException e) {
            throw e;
        } catch (RuntimeException e) {
            if (isTransient(e)) {
                throw new TransientIntakeException(what + " failed for now: " + e.getMessage(), e);
            }
            throw e;
        }
    }

    /**
     * As {@link #retryable(String, Supplier)}, and before a failure counts as permanent (a queue
     * message dead-lettered, a client answered 500) the database is asked whether it answers.
     * A submission refused or not assessed is an answer, already recorded, not a failure.
     */
    public static <T> T retryable(String what, Supplier<T> step, DatabaseProbe database) {
        try {
            return retryable(what, step);
        } catch (TransientIntakeException | InvalidSubmissionException | NotAssessedException e) {
            throw e;
        } catch (RuntimeException e) {
            if (isTransient(e, database)) {
                throw new TransientIntakeException(what + " failed while the database did not answer: " + e.getMessage(), e);
            }
            throw e;
        }
    }

    /** The failure, its causes, what it suppressed, and the failure a rollback exception overrode. */
    private static Iterable<Throwable> everythingIn(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> next = new ArrayDeque<>();
        if (failure != null) {
            next.add(failure);
        }
        while (!next.isEmpty()) {
            Throwable t = next.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (t.getCause() != null) {
                next.add(t.getCause());
            }
            Collections.addAll(next, t.getSuppressed());
            if (t instanceof TransactionSystemException rollback && rollback.getApplicationException() != null) {
                next.add(rollback.getApplicationException());
            }
        }
        return seen;
    }
}

package org.blended.service.intake;

import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

import org.blended.integration.intake.TransientIntakeException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Tells a failure that will pass (the database unreachable or busy) from one that will not. */
public final class TransientFailures {

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

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && transientState(sql.getSQLState())) {
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

    /** Runs the step, turning a transient failure into the signal the routes retry on. */
    public static <T> T retryable(String what, java.util.function.Supplier<T> step) {
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
}

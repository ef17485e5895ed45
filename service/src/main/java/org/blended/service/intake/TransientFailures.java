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

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
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
        } catch (RuntimeException e) {
            if (isTransient(e)) {
                throw new TransientIntakeException(what + " failed for now: " + e.getMessage(), e);
            }
            throw e;
        }
    }
}

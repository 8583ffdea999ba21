package org.okrpm.kit.failure;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.DateTimeException;
import java.util.Set;
import org.okrpm.kit.events.PoisonEventException;

/**
 * Sorts failures into the two kinds that matter to a caller: those that can never succeed (retrying an event
 * is pointless: dead-letter it) and those of infrastructure that is unavailable for a while (the database is
 * down or busy: retry, or answer 503). Walks the whole cause chain, since JDBC errors arrive wrapped in
 * Hibernate's and JTA's exceptions.
 */
public final class Failures {

    /** SQLState classes of a connection, resource or operator problem, and serialization/deadlock aborts. */
    private static final Set<String> UNAVAILABLE_SQL_CLASSES = Set.of("08", "40", "53", "57", "58");
    /** Lock not available, and "database is not accepting connections" (PostgreSQL, ALLOW_CONNECTIONS false). */
    private static final Set<String> UNAVAILABLE_SQL_STATES = Set.of("55P03", "55000");

    private Failures() {
    }

    /**
     * True for a failure that no retry can cure: a poison event, a value the database can never store (SQLState
     * class 22, data exception) or a value the code rejects outright. Anything else is treated as transient.
     */
    public static boolean isPermanent(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PoisonEventException || t instanceof IllegalArgumentException
                    || t instanceof ArithmeticException || t instanceof DateTimeException
                    || t instanceof jakarta.validation.ValidationException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /**
     * True when the database (or a lock in it) is unavailable for the moment: no connection could be had, the
     * connection broke, the server shuts down or refuses connections, a lock or statement timed out, or the
     * transaction lost a deadlock. The request may succeed when retried a little later.
     */
    public static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof org.hibernate.exception.JDBCConnectionException
                    || t instanceof org.hibernate.exception.LockAcquisitionException
                    || t instanceof org.hibernate.PessimisticLockException
                    || t instanceof jakarta.persistence.PessimisticLockException
                    || t instanceof jakarta.persistence.LockTimeoutException
                    || t instanceof jakarta.persistence.QueryTimeoutException) {
                return true;
            }
            if (t instanceof SQLException sql && isUnavailable(sql)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static boolean isUnavailable(SQLException sql) {
        String state = sql.getSQLState();
        if (state == null) {
            // Agroal's "Acquisition timeout while waiting for new connection" carries no SQLState
            String message = sql.getMessage();
            return message != null && message.contains("Acquisition timeout");
        }
        return UNAVAILABLE_SQL_STATES.contains(state)
                || state.length() >= 2 && UNAVAILABLE_SQL_CLASSES.contains(state.substring(0, 2));
    }
}

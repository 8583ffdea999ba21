package org.okrpm.kit.failure;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.okrpm.kit.events.PoisonEventException;
import org.okrpm.kit.events.UnreadableEventException;

/** Which failures a consumer dead-letters, and which ones a request answers with 503. */
class FailuresTest {

    private static PersistenceException wrapped(Throwable cause) {
        return new PersistenceException("could not execute statement", new RuntimeException(cause));
    }

    @Test
    void poisonAndValuesTheDatabaseCanNeverStoreArePermanent() {
        assertTrue(Failures.isPermanent(new UnreadableEventException("not JSON", null)));
        assertTrue(Failures.isPermanent(new RuntimeException(new PoisonEventException("unknown type"))));
        assertTrue(Failures.isPermanent(wrapped(new SQLException("numeric field overflow", "22003"))));
        assertTrue(Failures.isPermanent(new IllegalArgumentException("No enum constant")));
    }

    @Test
    void outagesAndConflictsAreNotPermanent() {
        assertFalse(Failures.isPermanent(new OptimisticLockException("row was updated by another transaction")));
        assertFalse(Failures.isPermanent(wrapped(new SQLException("connection refused", "08001"))));
        assertFalse(Failures.isPermanent(wrapped(new SQLException("deadlock detected", "40P01"))));
        assertFalse(Failures.isPermanent(wrapped(new SQLException("relation does not exist", "42P01"))));
        assertFalse(Failures.isPermanent(new IllegalStateException("EntityManagerFactory is closed")));
    }

    @Test
    void anUnreachableOrRefusingDatabaseIsUnavailable() {
        assertTrue(Failures.isUnavailable(wrapped(new SQLException("connection refused", "08001"))));
        assertTrue(Failures.isUnavailable(new JDBCConnectionException("broken", new SQLException("I/O", "08006"))));
        assertTrue(Failures.isUnavailable(wrapped(new SQLException("terminating connection", "57P01"))));
        assertTrue(Failures.isUnavailable(wrapped(
                new SQLException("database \"okr\" is not currently accepting connections", "55000"))));
        assertTrue(Failures.isUnavailable(wrapped(new SQLException("could not serialize access", "40001"))));
        assertTrue(Failures.isUnavailable(wrapped(
                new SQLException("Acquisition timeout while waiting for new connection"))));
        assertTrue(Failures.isUnavailable(new SQLTransientConnectionException("pool exhausted")));
    }

    @Test
    void programmingAndDataErrorsAreNotUnavailability() {
        assertFalse(Failures.isUnavailable(wrapped(new SQLException("relation does not exist", "42P01"))));
        assertFalse(Failures.isUnavailable(wrapped(new SQLException("value too long", "22001"))));
        assertFalse(Failures.isUnavailable(new NullPointerException()));
    }
}

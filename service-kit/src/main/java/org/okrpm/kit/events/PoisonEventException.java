package org.okrpm.kit.events;

/**
 * An event that can never be applied (unreadable, invalid, of an unknown type): retrying will not help, so
 * the kit dead-letters it at once and moves on. Every other failure is taken as transient and retried.
 */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String message) {
        super(message);
    }

    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }
}

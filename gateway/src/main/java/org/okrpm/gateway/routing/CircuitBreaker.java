package org.okrpm.gateway.routing;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A per-replica breaker: after {@code threshold} consecutive failures (refused connection, timeout, broken
 * response) it opens and the replica is skipped for {@code openFor}; then it lets one trial call through
 * (half-open) and closes again on its success. Any HTTP answer, even a 5xx, counts as success: the replica
 * is alive and speaking for itself.
 */
public final class CircuitBreaker {

    private enum State { CLOSED, OPEN, HALF_OPEN }

    private final int threshold;
    private final long openForNanos;
    private final LongSupplier clock;
    private State state = State.CLOSED;
    private int failures;
    private long openedAt;

    public CircuitBreaker(int threshold, Duration openFor) {
        this(threshold, openFor, System::nanoTime);
    }

    CircuitBreaker(int threshold, Duration openFor, LongSupplier clock) {
        this.threshold = Math.max(1, threshold);
        this.openForNanos = openFor.toNanos();
        this.clock = clock;
    }

    /** Whether a call may go to the replica now; in half-open state only the first caller gets through. */
    public synchronized boolean tryAcquire() {
        switch (state) {
            case CLOSED:
                return true;
            case OPEN:
            case HALF_OPEN:
                // one trial call at a time; a trial that never reported back does not block for ever
                if (clock.getAsLong() - openedAt >= openForNanos) {
                    state = State.HALF_OPEN;
                    openedAt = clock.getAsLong();
                    return true;
                }
                return false;
            default:
                return false;
        }
    }

    public synchronized void onSuccess() {
        state = State.CLOSED;
        failures = 0;
    }

    public synchronized void onFailure() {
        failures++;
        if (state == State.HALF_OPEN || failures >= threshold) {
            state = State.OPEN;
            openedAt = clock.getAsLong();
        }
    }

    /** Open and not yet due for its trial call, or a trial call in flight: the replica is skipped. */
    public synchronized boolean isOpen() {
        return state != State.CLOSED && !(state == State.OPEN && clock.getAsLong() - openedAt >= openForNanos);
    }
}

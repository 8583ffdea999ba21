package org.okrpm.gateway.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Failed authentications per client address, counted in a fixed window that starts with an address's first
 * failure: once {@code limit} failures fall within it, the address is blocked until the window ends. Checked
 * before any signature is verified, so an address sending bad tokens cannot make the gateway spend RSA checks
 * beyond the limit. In memory per replica, like the rate limit.
 */
public final class FailedAuthentications {

    /** Addresses tracked at most; beyond it a new address is not counted (the blocked ones stay blocked). */
    static final int MAX_ADDRESSES = 100_000;

    private static final class Window {
        final long startedAt;
        int failures;

        Window(long startedAt) {
            this.startedAt = startedAt;
        }
    }

    private final int limit;
    private final long windowNanos;
    private final LongSupplier clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public FailedAuthentications(int limit, long windowNanos) {
        this(limit, windowNanos, System::nanoTime);
    }

    FailedAuthentications(int limit, long windowNanos, LongSupplier clock) {
        this.limit = Math.max(1, limit);
        this.windowNanos = Math.max(1, windowNanos);
        this.clock = clock;
    }

    /** Seconds until {@code address} may try again (at least 1), or 0 when it is not blocked. */
    public long blockedForSeconds(String address) {
        Window window = windows.get(address);
        if (window == null) {
            return 0;
        }
        long now = clock.getAsLong();
        synchronized (window) {
            long left = window.startedAt + windowNanos - now;
            if (left <= 0 || window.failures < limit) {
                return 0;
            }
            return Math.max(1, (left + 999_999_999L) / 1_000_000_000L);
        }
    }

    /** Counts one failed authentication of {@code address}. */
    public void record(String address) {
        long now = clock.getAsLong();
        if (!windows.containsKey(address) && windows.size() >= MAX_ADDRESSES) {
            evictExpired();
            if (windows.size() >= MAX_ADDRESSES) {
                return;
            }
        }
        Window window = windows.compute(address,
                (a, current) -> current == null || now - current.startedAt >= windowNanos ? new Window(now) : current);
        synchronized (window) {
            window.failures++;
        }
    }

    /** Forgets the windows that have ended: such an address is indistinguishable from a new one. */
    public void evictExpired() {
        long now = clock.getAsLong();
        windows.values().removeIf(window -> now - window.startedAt >= windowNanos);
    }

    public int size() {
        return windows.size();
    }
}

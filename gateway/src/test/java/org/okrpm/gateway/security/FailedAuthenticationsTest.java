package org.okrpm.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FailedAuthenticationsTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void blocksAtTheLimitUntilTheWindowEnds() {
        AtomicLong now = new AtomicLong(0);
        FailedAuthentications failures = new FailedAuthentications(2, 60 * SECOND, now::get);
        failures.record("a");
        assertEquals(0, failures.blockedForSeconds("a"));
        now.set(10 * SECOND);
        failures.record("a");
        assertEquals(50, failures.blockedForSeconds("a"));
        assertEquals(0, failures.blockedForSeconds("b"));
        now.set(60 * SECOND);
        assertEquals(0, failures.blockedForSeconds("a"), "the window is over");
        failures.record("a");
        assertEquals(0, failures.blockedForSeconds("a"), "a new window starts with one failure");
        now.set(200 * SECOND);
        failures.evictExpired();
        assertEquals(0, failures.size());
    }
}

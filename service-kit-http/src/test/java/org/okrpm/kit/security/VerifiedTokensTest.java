package org.okrpm.kit.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final String ALICE = "alice, member";

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        private Instant now = NOW;

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private final ManualClock clock = new ManualClock();

    @Test
    void aVerifiedTokenIsKnownForTheTtlOnly() {
        VerifiedTokens<String> tokens = new VerifiedTokens<>(Duration.ofSeconds(60), 100, clock);
        tokens.put("t1", ALICE, NOW.plus(Duration.ofHours(1)));
        clock.advance(Duration.ofSeconds(59));
        assertEquals(Optional.of(ALICE), tokens.get("t1"));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Optional.empty(), tokens.get("t1"), "checked again after the ttl");
    }

    @Test
    void neverPastTheTokensOwnExpiry() {
        VerifiedTokens<String> tokens = new VerifiedTokens<>(Duration.ofSeconds(60), 100, clock);
        tokens.put("t1", ALICE, NOW.plus(Duration.ofSeconds(10)));
        clock.advance(Duration.ofSeconds(10));
        assertEquals(Optional.empty(), tokens.get("t1"));
    }

    @Test
    void unknownTokensAndAZeroTtlAreNeverTakenAsVerified() {
        VerifiedTokens<String> off = new VerifiedTokens<>(Duration.ZERO, 100, clock);
        off.put("t1", ALICE, NOW.plus(Duration.ofHours(1)));
        assertTrue(off.get("t1").isEmpty());
        assertTrue(off.get("never-seen").isEmpty());
    }

    @Test
    void startsOverInsteadOfGrowingPastItsSize() {
        VerifiedTokens<String> tokens = new VerifiedTokens<>(Duration.ofSeconds(60), 2, clock);
        tokens.put("t1", ALICE, NOW.plus(Duration.ofHours(1)));
        tokens.put("t2", ALICE, NOW.plus(Duration.ofHours(1)));
        tokens.put("t3", ALICE, NOW.plus(Duration.ofHours(1)));
        assertTrue(tokens.get("t1").isEmpty());
        assertTrue(tokens.get("t3").isPresent());
    }
}

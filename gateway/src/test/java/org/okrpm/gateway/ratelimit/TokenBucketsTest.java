package org.okrpm.gateway.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {

    private final AtomicLong now = new AtomicLong();
    private final TokenBuckets buckets = new TokenBuckets(2, 0.5, now::get);

    @Test
    void allowsABurstThenTellsHowLongToWait() {
        assertTrue(buckets.tryTake("a").allowed());
        assertTrue(buckets.tryTake("a").allowed());
        TokenBuckets.Decision refused = buckets.tryTake("a");
        assertFalse(refused.allowed());
        assertEquals(2, refused.retryAfterSeconds());
        assertTrue(buckets.tryTake("b").allowed(), "buckets are per client");
    }

    @Test
    void refillsOverTime() {
        buckets.tryTake("a");
        buckets.tryTake("a");
        now.addAndGet(2_000_000_000L);
        assertTrue(buckets.tryTake("a").allowed());
        assertFalse(buckets.tryTake("a").allowed());
    }

    @Test
    void forgetsClientsWhoseBucketsAreFullAgain() {
        buckets.tryTake("a");
        buckets.tryTake("b");
        now.addAndGet(1_000_000_000L);
        buckets.tryTake("b");
        now.addAndGet(1_000_000_000L);
        buckets.evictIdle();
        assertEquals(1, buckets.size());
    }
}

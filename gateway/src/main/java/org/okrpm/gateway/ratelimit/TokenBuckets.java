package org.okrpm.gateway.ratelimit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per client: {@code capacity} requests at once, refilled at {@code refillPerSecond}.
 * Buckets that are full again are forgotten by {@link #evictIdle()}, so the map only holds active clients.
 */
public final class TokenBuckets {

    /** The outcome of asking for one request: allowed, or the seconds to wait before the next one is. */
    public record Decision(boolean allowed, long retryAfterSeconds) {
    }

    private static final class Bucket {
        double tokens;
        long updatedAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updatedAt = now;
        }
    }

    private final double capacity;
    private final double refillPerNano;
    private final LongSupplier clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public TokenBuckets(int capacity, double refillPerSecond) {
        this(capacity, refillPerSecond, System::nanoTime);
    }

    TokenBuckets(int capacity, double refillPerSecond, LongSupplier clock) {
        this.capacity = Math.max(1, capacity);
        this.refillPerNano = Math.max(1e-9, refillPerSecond) / 1e9;
        this.clock = clock;
    }

    public Decision tryTake(String client) {
        long now = clock.getAsLong();
        Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(capacity, now));
        synchronized (bucket) {
            refill(bucket, now);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return new Decision(true, 0);
            }
            double missingNanos = (1 - bucket.tokens) / refillPerNano;
            return new Decision(false, Math.max(1, (long) Math.ceil(missingNanos / 1e9)));
        }
    }

    /** Drops the buckets that have refilled completely: such a client is indistinguishable from a new one. */
    public void evictIdle() {
        long now = clock.getAsLong();
        buckets.entrySet().removeIf(entry -> {
            synchronized (entry.getValue()) {
                refill(entry.getValue(), now);
                return entry.getValue().tokens >= capacity;
            }
        });
    }

    public int size() {
        return buckets.size();
    }

    private void refill(Bucket bucket, long now) {
        bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.updatedAt) * refillPerNano);
        bucket.updatedAt = now;
    }
}

package org.okrpm.gateway.security;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Bearer tokens that failed verification, for a short while: a client repeating one is refused without checking
 * its signature again. The kit's parser remembers only verified tokens (it cannot know the gateway wants the
 * other half too), so this lives at the edge. Kept as SHA-256 hashes, so no token text stays in memory; the ttl
 * is short because a token refused for an unknown key may become valid once the issuer's new key is fetched.
 */
public final class RefusedTokens {

    private final long ttlNanos;
    private final int maxEntries;
    private final LongSupplier clock;
    private final Map<ByteBuffer, Long> refusedUntil = new ConcurrentHashMap<>();

    public RefusedTokens(long ttlNanos, int maxEntries) {
        this(ttlNanos, maxEntries, System::nanoTime);
    }

    RefusedTokens(long ttlNanos, int maxEntries, LongSupplier clock) {
        this.ttlNanos = ttlNanos;
        this.maxEntries = Math.max(1, maxEntries);
        this.clock = clock;
    }

    /** Whether {@code token} was refused within the ttl. */
    public boolean isRefused(String token) {
        if (ttlNanos <= 0 || refusedUntil.isEmpty()) {
            return false; // the usual case, without hashing the token on every request
        }
        ByteBuffer key = key(token);
        Long until = refusedUntil.get(key);
        if (until == null) {
            return false;
        }
        if (clock.getAsLong() - until >= 0) {
            refusedUntil.remove(key, until);
            return false;
        }
        return true;
    }

    /** Remembers a token that just failed verification. */
    public void refuse(String token) {
        if (ttlNanos <= 0) {
            return;
        }
        long now = clock.getAsLong();
        if (refusedUntil.size() >= maxEntries) {
            refusedUntil.values().removeIf(until -> now - until >= 0);
            if (refusedUntil.size() >= maxEntries) {
                // bounded: start over rather than grow (new tokens each cost a check anyway, and count as failures)
                refusedUntil.clear();
            }
        }
        refusedUntil.put(key(token), now + ttlNanos);
    }

    public int size() {
        return refusedUntil.size();
    }

    private static ByteBuffer key(String token) {
        return ByteBuffer.wrap(ApiKeys.sha256(token));
    }
}

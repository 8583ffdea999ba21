package org.okrpm.kit.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens verified recently, so that a client's every request does not pay for an RSA signature check
 * again (measured: most of the gateway's CPU per request, see docs/benchmarks.md). An entry lives until the token
 * expires or for {@code ttl}, whichever comes first; only verified tokens are kept, and when {@code maxEntries}
 * is reached the cache starts over rather than grow.
 *
 * @param <T> what the verification found out about the token
 */
public final class VerifiedTokens<T> {

    private record Entry<T>(T verified, Instant validUntil) {
    }

    private final Duration ttl;
    private final int maxEntries;
    private final Clock clock;
    private final Map<String, Entry<T>> entries = new ConcurrentHashMap<>();

    public VerifiedTokens(Duration ttl, int maxEntries, Clock clock) {
        this.ttl = ttl;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    public Optional<T> get(String token) {
        Entry<T> entry = entries.get(token);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.validUntil())) {
            entries.remove(token, entry);
            return Optional.empty();
        }
        return Optional.of(entry.verified());
    }

    /** Remembers a token that was just verified; {@code expiresAt} is its {@code exp} claim. */
    public void put(String token, T verified, Instant expiresAt) {
        if (ttl.isZero() || ttl.isNegative()) {
            return;
        }
        Instant validUntil = clock.instant().plus(ttl);
        if (expiresAt.isBefore(validUntil)) {
            validUntil = expiresAt;
        }
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(token, new Entry<>(verified, validUntil));
    }
}

package org.okrpm.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens the gateway has verified recently, so that a client's every request does not pay for an RSA
 * signature check again (measured: most of the gateway's CPU per request, see docs/benchmarks.md). An entry
 * lives until the token expires or for {@code ttl}, whichever comes first; only verified tokens are kept, and
 * when {@code maxEntries} is reached the cache starts over rather than grow.
 */
final class VerifiedTokens {

    /** What a verified token says about its caller. */
    record Verified(String subject, Set<String> groups) {
    }

    private record Entry(Verified verified, Instant validUntil) {
    }

    private final Duration ttl;
    private final int maxEntries;
    private final Clock clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    VerifiedTokens(Duration ttl, int maxEntries, Clock clock) {
        this.ttl = ttl;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    Optional<Verified> get(String token) {
        Entry entry = entries.get(token);
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
    void put(String token, Verified verified, Instant expiresAt) {
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
        entries.put(token, new Entry(verified, validUntil));
    }
}

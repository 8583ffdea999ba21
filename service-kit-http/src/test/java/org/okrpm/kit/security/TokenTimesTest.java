package org.okrpm.kit.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smallrye.jwt.auth.principal.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class TokenTimesTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final Duration SKEW = Duration.ofSeconds(30);

    private static JsonWebToken token(Instant issuedAt, Instant expiresAt) {
        return token(Map.of("iat", issuedAt.getEpochSecond(), "exp", expiresAt.getEpochSecond()));
    }

    private static JsonWebToken token(Map<String, Object> claims) {
        return new JsonWebToken() {
            @Override
            public String getName() {
                return "alice";
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claimName) {
                return (T) claims.get(claimName);
            }
        };
    }

    @Test
    void aTokenIssuedNowOrWithinTheSkewIsTaken() {
        assertDoesNotThrow(() -> TokenTimes.check(token(NOW, NOW.plusSeconds(3600)), NOW, SKEW));
        assertDoesNotThrow(() -> TokenTimes.check(token(NOW.plusSeconds(30), NOW.plusSeconds(3600)), NOW, SKEW));
    }

    @Test
    void aTokenIssuedInTheFutureBeyondTheSkewIsRefused() {
        assertThrows(ParseException.class,
                () -> TokenTimes.check(token(NOW.plusSeconds(31), NOW.plusSeconds(3600)), NOW, SKEW));
        assertThrows(ParseException.class,
                () -> TokenTimes.check(token(NOW.plus(Duration.ofDays(365)), NOW.plus(Duration.ofDays(366))), NOW,
                        SKEW));
    }

    @Test
    void aTokenWithoutIatIsJudgedByItsExpiryAlone() {
        assertDoesNotThrow(() -> TokenTimes.check(token(Map.of("exp", NOW.plusSeconds(60).getEpochSecond())), NOW,
                SKEW));
    }

    @Test
    void expiryHasNoMoreGraceThanTheSkew() {
        assertDoesNotThrow(() -> TokenTimes.check(token(NOW.minusSeconds(3600), NOW.minusSeconds(29)), NOW, SKEW));
        assertThrows(ParseException.class,
                () -> TokenTimes.check(token(NOW.minusSeconds(3600), NOW.minusSeconds(30)), NOW, SKEW));
        assertThrows(ParseException.class,
                () -> TokenTimes.check(token(NOW.minusSeconds(3600), NOW.minusSeconds(59)), NOW, SKEW));
    }
}

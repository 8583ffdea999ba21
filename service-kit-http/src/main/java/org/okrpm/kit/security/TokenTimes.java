package org.okrpm.kit.security;

import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.json.JsonNumber;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The time checks smallrye-jwt leaves loose: a token issued in the future ({@code iat} later than now plus the clock
 * skew) is refused — smallrye-jwt takes any {@code iat} — and an expired one gets no more grace than the skew
 * (smallrye-jwt's default grace is 60 s). The skew is {@code mp.jwt.verify.clock.skew}, in seconds, 30 unless set;
 * smallrye-jwt reads the same setting, so one value governs both.
 */
public final class TokenTimes {

    public static final String SKEW_PROPERTY = "mp.jwt.verify.clock.skew";
    public static final String DEFAULT_SKEW_SECONDS = "30";

    private TokenTimes() {
    }

    public static void check(JsonWebToken jwt, Instant now, Duration skew) throws ParseException {
        long issuedAt = seconds(jwt, "iat");
        if (issuedAt > 0 && Instant.ofEpochSecond(issuedAt).isAfter(now.plus(skew))) {
            throw new ParseException("The token is issued in the future (iat beyond the clock skew)");
        }
        long expiresAt = seconds(jwt, "exp");
        if (expiresAt > 0 && !now.isBefore(Instant.ofEpochSecond(expiresAt).plus(skew))) {
            throw new ParseException("The token has expired (beyond the clock skew)");
        }
    }

    /** A time claim in epoch seconds, 0 when absent (JsonWebToken's own getters unbox null). */
    private static long seconds(JsonWebToken jwt, String claim) {
        Object value = jwt.getClaim(claim);
        if (value instanceof Number number) {
            return number.longValue();
        }
        if (value instanceof JsonNumber number) {
            return number.longValue();
        }
        return 0;
    }
}

package org.okrpm.kit.security;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * smallrye-jwt's parser, remembering the tokens it verified: the gateway and every service check each request's
 * bearer token themselves, and a client sends the same token many times. A remembered token is taken as verified
 * for {@code okrpm.security.verified-token-cache.ttl} (60 s; 0 checks every request), never past its {@code exp};
 * at most {@code okrpm.security.verified-token-cache.size} tokens are kept. Only successful verifications are
 * remembered, so a bad token costs a full check every time. Every token verified is also held to
 * {@link TokenTimes}: not issued in the future, not expired beyond the clock skew.
 */
@Decorator
@Priority(10)
public abstract class RememberedTokenParser implements JWTParser {

    @Inject
    @Delegate
    @Any
    JWTParser parser;

    private final VerifiedTokens<JsonWebToken> verified;
    private final Duration skew;

    @Inject
    RememberedTokenParser(
            @ConfigProperty(name = "okrpm.security.verified-token-cache.ttl", defaultValue = "60s") Duration ttl,
            @ConfigProperty(name = "okrpm.security.verified-token-cache.size", defaultValue = "10000") int size,
            @ConfigProperty(name = TokenTimes.SKEW_PROPERTY, defaultValue = TokenTimes.DEFAULT_SKEW_SECONDS)
            int skewSeconds) {
        verified = new VerifiedTokens<>(ttl, size, Clock.systemUTC());
        skew = Duration.ofSeconds(skewSeconds);
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        Optional<JsonWebToken> known = verified.get(token);
        if (known.isPresent()) {
            return known.get();
        }
        JsonWebToken jwt = parser.parse(token);
        TokenTimes.check(jwt, Instant.now(), skew);
        verified.put(token, jwt, Instant.ofEpochSecond(jwt.getExpirationTime()));
        return jwt;
    }
}

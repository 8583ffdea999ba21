package org.okrpm.gateway.security;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.okrpm.gateway.GatewayConfig;
import org.okrpm.kit.security.Claims;

/**
 * Mints RS256 tokens with the gateway's private key ({@code smallrye.jwt.sign.key.location}): the short-lived
 * tokens API keys are exchanged for, and the local profile's dev tokens. The services verify them like any
 * other token, so the gateway's public key must be among the keys they trust.
 */
@ApplicationScoped
public class TokenMinter {

    public record Minted(String token, Instant expiresAt) {
    }

    /** Exchanged tokens are reused until this close to their expiry. */
    private static final Duration RENEW_BEFORE = Duration.ofSeconds(30);

    private final GatewayConfig config;
    private final Map<String, Minted> exchanged = new ConcurrentHashMap<>();

    @Inject
    public TokenMinter(GatewayConfig config) {
        this.config = config;
    }

    public Minted mint(String subject, Set<String> roles, Duration ttl) {
        return mint(subject, roles, Map.of(), ttl);
    }

    /** A token with further claims, e.g. {@code teams} or {@code projects} (lists of ids). */
    public Minted mint(String subject, Set<String> roles, Map<String, ?> claims, Duration ttl) {
        Instant now = Instant.now();
        Instant expiresAt = now.plus(ttl);
        JwtClaimsBuilder builder = Jwt.issuer(config.token().issuer())
                .subject(subject)
                .upn(subject)
                .groups(roles)
                .issuedAt(now)
                .expiresAt(expiresAt);
        claims.forEach(builder::claim);
        return new Minted(builder.sign(), expiresAt);
    }

    /**
     * The token an API key is exchanged for: sub = the key's name, groups = its roles, and the projects it is bound
     * to (claim {@code projects}) when it is.
     */
    public String forApiKey(ApiKeys.ApiKey key) {
        Minted minted = exchanged.get(key.name());
        if (minted == null || minted.expiresAt().isBefore(Instant.now().plus(RENEW_BEFORE))) {
            Duration ttl = config.token().apiKeyTokenTtl();
            Map<String, ?> claims = key.projects().isEmpty() ? Map.of()
                    : Map.of(Claims.PROJECTS, List.copyOf(key.projects()));
            minted = mint(key.name(), key.roles(), claims, ttl.compareTo(RENEW_BEFORE.multipliedBy(2)) < 0
                    ? RENEW_BEFORE.multipliedBy(2) : ttl);
            exchanged.put(key.name(), minted);
        }
        return minted.token();
    }
}

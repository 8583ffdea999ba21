package org.okrpm.gateway.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.okrpm.gateway.GatewayConfig;

/**
 * The integrators' API keys, configured by ops as SHA-256 hashes with a name and roles
 * ({@code okrpm.gateway.api-keys.<name>.sha256} / {@code .roles}); the keys themselves are never stored.
 */
@ApplicationScoped
public class ApiKeys {

    public record ApiKey(String name, byte[] sha256, Set<String> roles) {
    }

    private final List<ApiKey> keys;

    @Inject
    public ApiKeys(GatewayConfig config) {
        this.keys = config.apiKeys().entrySet().stream()
                .map(e -> new ApiKey(e.getKey(), HexFormat.of().parseHex(e.getValue().sha256().trim().toLowerCase()),
                        new LinkedHashSet<>(e.getValue().roles())))
                .toList();
    }

    /** The key whose hash matches the presented key (compared in constant time), if any. */
    public Optional<ApiKey> find(String presented) {
        if (presented == null || presented.isBlank()) {
            return Optional.empty();
        }
        byte[] hash = sha256(presented.trim());
        ApiKey found = null;
        for (ApiKey key : keys) {
            if (MessageDigest.isEqual(key.sha256(), hash)) {
                found = key;
            }
        }
        return Optional.ofNullable(found);
    }

    public static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

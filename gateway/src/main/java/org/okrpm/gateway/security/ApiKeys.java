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
 * The integrators' API keys, configured by ops as SHA-256 hashes with a name, roles and optionally the projects
 * they are bound to ({@code okrpm.gateway.api-keys.<name>.sha256} / {@code .roles} / {@code .projects}); the keys
 * themselves are never stored.
 */
@ApplicationScoped
public class ApiKeys {

    /** {@code projects} is empty when the key is not bound to projects. */
    public record ApiKey(String name, byte[] sha256, Set<String> roles, Set<String> projects) {
    }

    private final List<ApiKey> keys;

    @Inject
    public ApiKeys(GatewayConfig config) {
        this.keys = config.apiKeys().entrySet().stream()
                .map(e -> new ApiKey(e.getKey(), HexFormat.of().parseHex(e.getValue().sha256().trim().toLowerCase()),
                        new LinkedHashSet<>(e.getValue().roles()), boundProjects(e.getValue())))
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

    private static Set<String> boundProjects(GatewayConfig.ApiKey key) {
        Set<String> projects = new LinkedHashSet<>();
        key.projects().orElse(List.of()).stream().map(String::trim).filter(p -> !p.isEmpty()).forEach(projects::add);
        return projects;
    }

    public static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

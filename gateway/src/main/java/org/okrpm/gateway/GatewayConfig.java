package org.okrpm.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything ops can tune on the gateway; each key can be set by an environment variable. */
@ConfigMapping(prefix = "okrpm.gateway")
public interface GatewayConfig {

    /**
     * The replicas of each owner service: a comma-separated list of base URLs
     * ({@code okrpm.gateway.upstream.okr=http://okr-1:8081,http://okr-2:8081}; one URL is a list of one) or a DNS
     * name with a port ({@code dns://okr-service:8081}). See {@code routing.ReplicaDiscovery}.
     */
    Upstream upstream();

    /** How long an owner may take to start answering before the caller gets 504. */
    @WithDefault("10s")
    Duration timeout();

    @WithName("connect-timeout")
    @WithDefault("2s")
    Duration connectTimeout();

    CircuitBreakerConfig circuitBreaker();

    RateLimit rateLimit();

    /** Failed authentications per client address (see {@code security.FailedAuthentications}). */
    AuthFailures authFailures();

    /** Bearer tokens that failed verification, remembered so a repeat costs no second check. */
    RefusedTokens refusedTokens();

    /** API keys by name: {@code okrpm.gateway.api-keys.<name>.sha256}, {@code .roles} and {@code .projects}. */
    @WithName("api-keys")
    Map<String, ApiKey> apiKeys();

    Token token();

    DevToken devToken();

    Stream stream();

    OpenApi openapi();

    interface Upstream {
        @WithDefault("http://localhost:8081")
        String okr();

        @WithDefault("http://localhost:8082")
        String project();

        @WithDefault("http://localhost:8083")
        String checkin();

        /** How often a {@code dns://} name is looked up again (replicas come and go). */
        @WithDefault("10s")
        Duration dnsRefresh();
    }

    /** One breaker per replica: an open one takes that replica out of the rotation for a while. */
    interface CircuitBreakerConfig {
        /** Consecutive connection failures or timeouts (of one replica) that open its breaker. */
        @WithDefault("5")
        int failureThreshold();

        /** How long an open breaker fails fast before it lets one trial request through. */
        @WithDefault("10s")
        Duration openFor();
    }

    interface RateLimit {
        @WithDefault("true")
        boolean enabled();

        /** Bucket size: the burst a client may send at once. */
        @WithDefault("600")
        int capacity();

        /** Tokens added per second: the sustained rate a client may keep. */
        @WithDefault("100")
        double refillPerSecond();
    }

    interface AuthFailures {
        @WithDefault("true")
        boolean enabled();

        /** Failed authentications one client address may cause within {@link #window()} before it gets 429. */
        @WithDefault("100")
        int limit();

        /** The window the failures are counted in; a blocked address is blocked until its window ends. */
        @WithDefault("1m")
        Duration window();
    }

    interface RefusedTokens {
        /** How long a refused token is refused without a check; short, since a key rotation can make it valid. */
        @WithDefault("60s")
        Duration ttl();

        /** At most this many refused tokens are remembered (as SHA-256 hashes). */
        @WithDefault("10000")
        int size();
    }

    interface ApiKey {
        /** Hex SHA-256 of the key; the key itself is never stored. */
        String sha256();

        List<String> roles();

        /**
         * The project ids the key is bound to: its exchanged token carries them (claim {@code projects}) and
         * project-service lets it change tasks of those projects only. Unset: not bound.
         */
        Optional<List<String>> projects();
    }

    interface Token {
        /** Issuer of the tokens the gateway mints (API-key exchange, dev tokens); the services must trust it. */
        @WithDefault("${mp.jwt.verify.issuer}")
        String issuer();

        /** Lifetime of the token an API key is exchanged for. */
        @WithDefault("5m")
        Duration apiKeyTokenTtl();
    }

    interface DevToken {
        /** Only the local and test profiles switch this on; in prod the endpoint answers 404. */
        @WithDefault("false")
        boolean enabled();

        @WithDefault("8h")
        Duration ttl();

        /** Whether to create the local key pair when missing (local and test profiles). */
        @WithDefault("${okrpm.gateway.dev-token.enabled:false}")
        boolean createKeys();

        /** Where the local key pair lives (private.pem, public.pem); created on first start when missing. */
        @WithDefault("${okrpm.data-dir:./data}/keys")
        String keyDir();
    }

    interface Stream {
        @WithDefault("15s")
        Duration heartbeat();

        /** Open streams one caller (token subject or API key) may hold at once; beyond it, 429. */
        @WithDefault("10")
        int maxPerCaller();

        /** Open streams this replica holds at once, over all callers; beyond it, 429. */
        @WithDefault("5000")
        int maxTotal();

        /**
         * A stream is ended after this long and the client reconnects ({@code retry: 3000}): a client that keeps
         * its connection open but never reads (zero window) is never found by a failed write, only by this.
         */
        @WithDefault("30m")
        Duration maxLifetime();

        /** What a client reconnecting with {@code Last-Event-ID} can get back (see {@code stream.ReplayWindow}). */
        Resume resume();
    }

    interface Resume {
        /** Events received longer ago than this are forgotten; a client that missed more gets {@code event: reset}. */
        @WithDefault("5m")
        Duration window();

        /** At most this many recent events are kept, whatever their age (bounds the replica's memory). */
        @WithDefault("10000")
        int capacity();
    }

    interface OpenApi {
        /** How often the owners' OpenAPI documents are fetched again. */
        @WithDefault("60s")
        Duration refresh();
    }
}

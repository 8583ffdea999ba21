package org.okrpm.okr.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** {@code okrpm.webhooks.*}: outgoing webhooks (environment variables OKRPM_WEBHOOKS_*). */
@ConfigMapping(prefix = "okrpm.webhooks")
public interface WebhooksConfig {

    /**
     * Base64 AES key (16, 24 or 32 bytes) that encrypts subscription secrets at rest. Without it webhooks
     * cannot be created (503) and stored ones are not sent; set OKRPM_WEBHOOKS_ENCRYPTION_KEY in production.
     */
    Optional<String> encryptionKey();

    /** Whether URLs may point at loopback, link-local or private addresses (server-side request forgery). */
    @WithDefault("false")
    boolean allowPrivateAddresses();

    /** Connect and response-header timeout of one delivery attempt. */
    @WithDefault("5s")
    Duration timeout();

    /** How often the dispatcher looks for due deliveries (it is also woken right after new ones commit). */
    @WithDefault("1s")
    Duration dispatchEvery();

    /** Delay before the first retry; it doubles with every failed attempt up to {@link #maxDelay()}. */
    @WithDefault("1s")
    Duration initialDelay();

    @WithDefault("1h")
    Duration maxDelay();

    /** A subscription whose deliveries have failed without any success for this long is PAUSED. */
    @WithDefault("24h")
    Duration pauseAfter();

    /**
     * A single delivery that still fails this long after its first attempt (while other deliveries of an
     * active subscription succeed) is marked FAILED, so it stops holding back later events of its subject.
     */
    @WithDefault("72h")
    Duration giveUpAfter();

    /** How long finished deliveries (DELIVERED, FAILED) stay in the log. */
    @WithDefault("30d")
    Duration retention();

    /** Deliveries claimed per round. */
    @WithDefault("50")
    int batchSize();
}

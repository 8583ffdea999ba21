package org.okrpm.project.integration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** {@code okrpm.integrations.*}: inbound integrations (environment variables OKRPM_INTEGRATIONS_*). */
@ConfigMapping(prefix = "okrpm.integrations")
public interface IntegrationsConfig {

    /**
     * Base64 AES key (16, 24 or 32 bytes) that encrypts integration secrets at rest. Without it integrations
     * cannot be created and webhooks cannot be verified (503); set OKRPM_INTEGRATIONS_ENCRYPTION_KEY in production.
     */
    Optional<String> encryptionKey();

    /**
     * How far a generic delivery's signed {@code X-Signature-Timestamp} may be from the server's clock, either
     * way; outside it the delivery is 401. Bounds how long a captured delivery can be replayed at all.
     */
    @WithDefault("5m")
    Duration signatureTolerance();

    /** Deliveries kept per integration in the delivery log; older ones are pruned. */
    @WithDefault("200")
    int deliveriesKept();

    /** Characters of a delivery's raw body kept in the log; longer bodies are cut (payloadTruncated). */
    @WithDefault("65536")
    int payloadKept();
}

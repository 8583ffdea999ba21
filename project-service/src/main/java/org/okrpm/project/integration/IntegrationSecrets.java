package org.okrpm.project.integration;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;
import org.okrpm.kit.crypto.SecretCipher;

/**
 * Integration secrets are encrypted at rest with {@code okrpm.integrations.encryption-key}: webhook
 * signatures are HMACs we must recompute, so the secret cannot be hashed.
 */
@Singleton
public class IntegrationSecrets {

    private static final Logger LOG = Logger.getLogger(IntegrationSecrets.class);

    @Produces
    @Singleton
    SecretCipher cipher(IntegrationsConfig config) {
        return SecretCipher.fromConfig(config.encryptionKey(), "okrpm.integrations.encryption-key",
                "Integrations are not configured on this server (no encryption key for their secrets)");
    }

    void warnWhenUnconfigured(@Observes StartupEvent event, SecretCipher cipher) {
        if (!cipher.isConfigured()) {
            LOG.warn("okrpm.integrations.encryption-key (OKRPM_INTEGRATIONS_ENCRYPTION_KEY) is not set: "
                    + "integrations cannot be created and their webhooks cannot be verified");
        }
    }
}

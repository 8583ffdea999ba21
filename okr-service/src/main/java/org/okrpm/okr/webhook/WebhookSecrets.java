package org.okrpm.okr.webhook;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;
import org.okrpm.kit.crypto.SecretCipher;

/** Subscription secrets are encrypted at rest with {@code okrpm.webhooks.encryption-key}. */
@Singleton
public class WebhookSecrets {

    private static final Logger LOG = Logger.getLogger(WebhookSecrets.class);

    @Produces
    @Singleton
    SecretCipher cipher(WebhooksConfig config) {
        return SecretCipher.fromConfig(config.encryptionKey(), "okrpm.webhooks.encryption-key",
                "Webhooks are not configured on this server (no encryption key for their secrets)");
    }

    void warnWhenUnconfigured(@Observes StartupEvent event, SecretCipher cipher) {
        if (!cipher.isConfigured()) {
            LOG.warn("okrpm.webhooks.encryption-key (OKRPM_WEBHOOKS_ENCRYPTION_KEY) is not set: "
                    + "webhooks cannot be created and stored ones are not sent");
        }
    }
}

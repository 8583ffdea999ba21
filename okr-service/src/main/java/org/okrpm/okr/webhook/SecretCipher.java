package org.okrpm.okr.webhook;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;
import org.okrpm.kit.problem.ProblemException;
import org.okrpm.kit.problem.ProblemType;

/**
 * Subscription secrets at rest: we must sign with them, so they are encrypted (AES-GCM, a random 96-bit
 * nonce per value), not hashed. Stored as {@code v1:<base64(nonce || ciphertext+tag)>}.
 */
@Singleton
public class SecretCipher {

    private static final Logger LOG = Logger.getLogger(SecretCipher.class);
    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    @Inject
    public SecretCipher(WebhooksConfig config) {
        this(config.encryptionKey().filter(k -> !k.isBlank()).map(SecretCipher::key).orElse(null));
    }

    SecretCipher(SecretKey key) {
        this.key = key;
    }

    static SecretKey key(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("okrpm.webhooks.encryption-key is not valid base64");
        }
        if (bytes.length != 16 && bytes.length != 24 && bytes.length != 32) {
            throw new IllegalStateException("okrpm.webhooks.encryption-key must be 16, 24 or 32 bytes (base64)");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    void warnWhenUnconfigured(@Observes StartupEvent event) {
        if (key == null) {
            LOG.warn("okrpm.webhooks.encryption-key (OKRPM_WEBHOOKS_ENCRYPTION_KEY) is not set: "
                    + "webhooks cannot be created and stored ones are not sent");
        }
    }

    public boolean isConfigured() {
        return key != null;
    }

    /** 503 when no key is configured: the service cannot keep a secret safely. */
    public void requireConfigured() {
        if (key == null) {
            throw new ProblemException(ProblemType.SERVICE_UNAVAILABLE,
                    "Webhooks are not configured on this server (no encryption key for their secrets)");
        }
    }

    public String encrypt(String plain) {
        requireConfigured();
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt a webhook secret", e);
        }
    }

    /** The plain secret; throws {@link IllegalStateException} when no key is set or the key does not fit. */
    public String decrypt(String stored) {
        if (key == null) {
            throw new IllegalStateException("no encryption key configured");
        }
        if (stored == null || !stored.startsWith(PREFIX)) {
            throw new IllegalStateException("unknown secret format");
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the secret cannot be decrypted with the configured key");
        }
    }
}

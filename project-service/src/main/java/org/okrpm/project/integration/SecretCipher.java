package org.okrpm.project.integration;

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
 * Integration secrets at rest: webhook signatures are HMACs we must recompute, so the secret is encrypted
 * (AES-GCM, a random 96-bit nonce per value), not hashed. Stored as {@code v1:<base64(nonce || ciphertext+tag)>}.
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
    public SecretCipher(IntegrationsConfig config) {
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
            throw new IllegalStateException("okrpm.integrations.encryption-key is not valid base64");
        }
        if (bytes.length != 16 && bytes.length != 24 && bytes.length != 32) {
            throw new IllegalStateException("okrpm.integrations.encryption-key must be 16, 24 or 32 bytes (base64)");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    void warnWhenUnconfigured(@Observes StartupEvent event) {
        if (key == null) {
            LOG.warn("okrpm.integrations.encryption-key (OKRPM_INTEGRATIONS_ENCRYPTION_KEY) is not set: "
                    + "integrations cannot be created and their webhooks cannot be verified");
        }
    }

    /** 503 when no key is configured: the service cannot keep or use a secret safely. */
    public void requireConfigured() {
        if (key == null) {
            throw new ProblemException(ProblemType.SERVICE_UNAVAILABLE,
                    "Integrations are not configured on this server (no encryption key for their secrets)");
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
            throw new IllegalStateException("Could not encrypt an integration secret", e);
        }
    }

    /** The secret's bytes; 503 when no key is set, {@link IllegalStateException} when the key does not fit. */
    public byte[] decrypt(String stored) {
        requireConfigured();
        if (stored == null || !stored.startsWith(PREFIX)) {
            throw new IllegalStateException("unknown secret format");
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            return cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the secret cannot be decrypted with the configured key");
        }
    }
}

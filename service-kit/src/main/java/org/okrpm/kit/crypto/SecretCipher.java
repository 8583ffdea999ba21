package org.okrpm.kit.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.okrpm.kit.problem.ProblemException;
import org.okrpm.kit.problem.ProblemType;

/**
 * Secrets we must use again (to sign or to verify an HMAC) are encrypted at rest, not hashed: AES-GCM with a
 * random 96-bit nonce per value, stored as {@code v1:<base64(nonce || ciphertext+tag)>}. Without a key the
 * service cannot keep a secret safely, so every use is a 503 naming what is unavailable.
 */
public final class SecretCipher {

    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final String unavailableDetail;
    private final SecureRandom random = new SecureRandom();

    /** @param key null when none is configured */
    public SecretCipher(SecretKey key, String unavailableDetail) {
        this.key = key;
        this.unavailableDetail = unavailableDetail;
    }

    /** From an optional base64 AES key read from {@code configKey} (blank counts as absent). */
    public static SecretCipher fromConfig(Optional<String> base64Key, String configKey, String unavailableDetail) {
        return new SecretCipher(base64Key.filter(k -> !k.isBlank()).map(k -> key(k, configKey)).orElse(null),
                unavailableDetail);
    }

    /** An AES key of 16, 24 or 32 bytes from base64; anything else is a configuration error naming the key. */
    public static SecretKey key(String base64, String configKey) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(configKey + " is not valid base64");
        }
        if (bytes.length != 16 && bytes.length != 24 && bytes.length != 32) {
            throw new IllegalStateException(configKey + " must be 16, 24 or 32 bytes (base64)");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    public boolean isConfigured() {
        return key != null;
    }

    /** 503 when no key is configured. */
    public void requireConfigured() {
        if (key == null) {
            throw new ProblemException(ProblemType.SERVICE_UNAVAILABLE, unavailableDetail);
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
            throw new IllegalStateException("Could not encrypt a secret", e);
        }
    }

    /** The secret's bytes; {@link IllegalStateException} when the stored value does not fit the key. */
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

    public String decryptToString(String stored) {
        return new String(decrypt(stored), StandardCharsets.UTF_8);
    }
}

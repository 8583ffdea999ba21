package org.okrpm.kit.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code sha256=<hex HMAC-SHA256 of the exact body bytes>}: the signature of our outgoing webhooks
 * ({@code X-Signature-256}) and the form GitHub ({@code X-Hub-Signature-256}) and Jira admin webhooks
 * ({@code X-Hub-Signature}) use.
 */
public final class HmacSignature {

    /** The header our own webhooks and the generic integration form carry. */
    public static final String HEADER = "X-Signature-256";
    private static final String PREFIX = "sha256=";

    private HmacSignature() {
    }

    public static byte[] hmac(byte[] secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** The header value for {@code body}: {@code sha256=<lower-case hex>}. */
    public static String sign(String secret, byte[] body) {
        return PREFIX + HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), body));
    }

    /**
     * Whether {@code header} is a valid signature of {@code body}, compared in constant time; a missing,
     * malformed or wrong-length value is simply false.
     */
    public static boolean verify(String header, byte[] secret, byte[] body) {
        if (header == null) {
            return false;
        }
        String value = header.trim();
        if (!value.toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(value.substring(PREFIX.length()).toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(hmac(secret, body), given);
    }
}

package org.okrpm.project.integration;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.UnaryOperator;
import org.okrpm.kit.crypto.HmacSignature;

/**
 * A delivery as it arrived: its headers (looked up case-insensitively by {@code header}) and its raw body.
 * Knows, per source, which headers carry the signature and the delivery id, and what the signature covers:
 * the raw body for GitHub and Jira (as the tools sign), {@code <X-Signature-Timestamp>.<raw body>} for the
 * generic form — the timestamp is signed so that a captured delivery cannot be replayed after the tolerance
 * window, and the delivery id is not, so replays are also recognised by the digest of what was signed.
 */
public record WebhookRequest(UnaryOperator<String> header, byte[] body) {

    public static final String GITHUB_SIGNATURE = "X-Hub-Signature-256";
    public static final String GITHUB_DELIVERY = "X-GitHub-Delivery";
    public static final String GITHUB_EVENT = "X-GitHub-Event";
    /** Jira Cloud admin webhooks registered with a secret sign like WebSub: {@code sha256=<hex>}. */
    public static final String JIRA_SIGNATURE = "X-Hub-Signature";
    public static final String JIRA_DELIVERY = "X-Atlassian-Webhook-Identifier";
    public static final String GENERIC_SIGNATURE = "X-Signature-256";
    public static final String GENERIC_DELIVERY = "X-Delivery-Id";
    /** Generic form: Unix time in seconds when the delivery was signed; part of what the signature covers. */
    public static final String GENERIC_TIMESTAMP = "X-Signature-Timestamp";
    static final int MAX_DELIVERY_ID = 200;

    public String header(String name) {
        String value = header.apply(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The header an integration of {@code source} is signed in (Jira also accepts {@link #GENERIC_SIGNATURE}). */
    public static String signatureHeader(IntegrationSource source) {
        return switch (source) {
            case GITHUB -> GITHUB_SIGNATURE;
            case JIRA -> JIRA_SIGNATURE;
            case GENERIC -> GENERIC_SIGNATURE;
        };
    }

    /** Whether the delivery carries a valid signature made with {@code secret}. */
    public boolean signedWith(IntegrationSource source, byte[] secret) {
        return switch (source) {
            case GITHUB -> HmacSignature.verify(header(GITHUB_SIGNATURE), secret, body);
            case JIRA -> HmacSignature.verify(header(JIRA_SIGNATURE), secret, body)
                    || HmacSignature.verify(header(GENERIC_SIGNATURE), secret, body);
            case GENERIC -> timestamp() != null
                    && HmacSignature.verify(header(GENERIC_SIGNATURE), secret, signedContent(source));
        };
    }

    /** The generic form's signed Unix time (seconds), or null when it is missing or not a plain number. */
    public Long timestamp() {
        String value = header(GENERIC_TIMESTAMP);
        return value != null && value.matches("\\d{1,12}") ? Long.valueOf(value) : null;
    }

    /** The bytes the signature covers: the body, or for the generic form {@code <timestamp>.<body>}. */
    public byte[] signedContent(IntegrationSource source) {
        if (source != IntegrationSource.GENERIC) {
            return body;
        }
        byte[] prefix = (header(GENERIC_TIMESTAMP) + ".").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] content = java.util.Arrays.copyOf(prefix, prefix.length + body.length);
        System.arraycopy(body, 0, content, prefix.length, body.length);
        return content;
    }

    /**
     * The hex SHA-256 of what was signed: the same captured delivery sent again under another (unsigned)
     * delivery id has the same digest.
     */
    public String digest(IntegrationSource source) {
        return sha256(signedContent(source));
    }

    /**
     * The tool's delivery id, unchanged when it redelivers; without one, {@code sha256:<hex>} of what was signed,
     * so a byte-identical redelivery is still recognised. An over-long id is replaced by its hash too.
     */
    public String deliveryId(IntegrationSource source) {
        String given = header(switch (source) {
            case GITHUB -> GITHUB_DELIVERY;
            case JIRA -> JIRA_DELIVERY;
            case GENERIC -> GENERIC_DELIVERY;
        });
        if (given != null && given.length() <= MAX_DELIVERY_ID) {
            return given;
        }
        return "sha256:" + (given != null ? sha256(given.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                : digest(source));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

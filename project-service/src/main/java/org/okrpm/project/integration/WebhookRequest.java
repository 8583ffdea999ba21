package org.okrpm.project.integration;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.UnaryOperator;
import org.okrpm.kit.crypto.HmacSignature;

/**
 * A delivery as it arrived: its headers (looked up case-insensitively by {@code header}) and its raw body,
 * which is what the signature covers. Knows, per source, which headers carry the signature and the delivery id.
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
            case GENERIC -> HmacSignature.verify(header(GENERIC_SIGNATURE), secret, body);
        };
    }

    /**
     * The tool's delivery id, unchanged when it redelivers; without one, {@code sha256:<hex>} of the body, so a
     * byte-identical redelivery is still recognised. An over-long id is replaced by its hash too.
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
        return "sha256:" + sha256(given != null ? given.getBytes(java.nio.charset.StandardCharsets.UTF_8) : body);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

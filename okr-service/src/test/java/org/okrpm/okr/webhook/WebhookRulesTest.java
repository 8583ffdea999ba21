package org.okrpm.okr.webhook;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Secrets at rest, the signature and the backoff: small rules with their own tests. */
class WebhookRulesTest {

    private static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    private static final String OTHER_KEY = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());

    private final SecretCipher cipher = new SecretCipher(SecretCipher.key(KEY));

    @Test
    void encryptsWithAFreshNonceAndDecryptsBack() {
        String first = cipher.encrypt("my-webhook-secret");
        String second = cipher.encrypt("my-webhook-secret");
        assertThat(first, startsWith("v1:"));
        assertThat(first, not(is(second)));
        assertThat(cipher.decrypt(first), is("my-webhook-secret"));
        assertThat(cipher.decrypt(second), is("my-webhook-secret"));
    }

    @Test
    void aTamperedValueOrAnotherKeyDoesNotDecrypt() {
        String sealed = cipher.encrypt("my-webhook-secret");
        byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
        raw[raw.length - 1] ^= 1;
        String tampered = "v1:" + Base64.getEncoder().encodeToString(raw);
        assertThrows(IllegalStateException.class, () -> cipher.decrypt(tampered));
        assertThrows(IllegalStateException.class,
                () -> new SecretCipher(SecretCipher.key(OTHER_KEY)).decrypt(sealed));
    }

    @Test
    void keysMustBeAesSized() {
        assertThrows(IllegalStateException.class, () -> SecretCipher.key("c2hvcnQ="));
        assertThrows(IllegalStateException.class, () -> SecretCipher.key("not base64!"));
    }

    @Test
    void withoutAKeyNothingIsEncrypted() {
        SecretCipher none = new SecretCipher((javax.crypto.SecretKey) null);
        assertThat(none.isConfigured(), is(false));
        assertThrows(org.okrpm.kit.problem.ProblemException.class, () -> none.encrypt("x"));
    }

    @Test
    void theSignatureIsTheHexHmacSha256OfTheBody() {
        // RFC 4231 test case 2
        assertThat(WebhookSignature.sign("Jefe", "what do ya want for nothing?".getBytes()),
                is("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
    }

    @Test
    void attemptsWithoutAnAnswerAreNamedByClassNotByMessage() {
        assertThat(WebhookSender.errorClass(new java.util.concurrent.CompletionException(
                new java.net.ConnectException("Connection refused: 10.0.0.1:8443"))), is("connection refused"));
        assertThat(WebhookSender.errorClass(new java.net.http.HttpTimeoutException("request timed out")), is("timeout"));
        assertThat(WebhookSender.errorClass(new java.net.http.HttpConnectTimeoutException("connect")), is("timeout"));
        assertThat(WebhookSender.errorClass(new java.io.IOException(new javax.net.ssl.SSLHandshakeException("x"))),
                is("TLS error"));
        assertThat(WebhookSender.errorClass(new java.net.UnknownHostException("x")), is("unknown host"));
        assertThat(WebhookSender.errorClass(new java.io.IOException("stream reset")), is("I/O error"));
    }

    @Test
    void backoffDoublesUpToTheCap() {
        RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(1), Duration.ofHours(1));
        List<Long> seconds = IntStream.rangeClosed(1, 14).mapToObj(n -> policy.delayAfter(n).toSeconds()).toList();
        assertThat(seconds, is(List.of(1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 512L, 1024L, 2048L, 3600L, 3600L)));
        assertThat(policy.delayAfter(1000), is(Duration.ofHours(1)));
    }
}

package org.okrpm.okr.webhook;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** How failed attempts are named and the backoff: small rules with their own tests. */
class WebhookRulesTest {

    @Test
    void attemptsWithoutAnAnswerAreNamedByClassNotByMessage() {
        assertThat(WebhookSender.errorClass(new java.util.concurrent.CompletionException(
                new java.net.ConnectException("Connection refused: 10.0.0.1:8443"))), is("connection refused"));
        assertThat(WebhookSender.errorClass(new java.net.http.HttpTimeoutException("request timed out")), is("timeout"));
        assertThat(WebhookSender.errorClass(new java.net.http.HttpConnectTimeoutException("connect")), is("timeout"));
        assertThat(WebhookSender.errorClass(new java.io.IOException(new javax.net.ssl.SSLHandshakeException("x"))),
                is("TLS error"));
        assertThat(WebhookSender.errorClass(new java.net.UnknownHostException("x")), is("unknown host"));
        // Netty's connect timeout is a ConnectException too: still a timeout
        assertThat(WebhookSender.errorClass(new io.netty.channel.ConnectTimeoutException("connection timed out: x")),
                is("timeout"));
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

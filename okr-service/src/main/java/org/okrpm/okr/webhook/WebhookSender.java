package org.okrpm.okr.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.okrpm.kit.crypto.HmacSignature;

/**
 * One HTTP attempt of a delivery: the signed POST, with a short timeout, no redirects, the destination
 * checked again first. The receiver's body is never read; only its status code and the time taken are kept.
 */
@ApplicationScoped
public class WebhookSender {

    /** What one attempt got: a status code, or an error class when no answer came. */
    public record Outcome(Integer statusCode, String error, long durationMs) {

        boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    @Inject
    WebhooksConfig config;

    @Inject
    DestinationPolicy destinations;

    private volatile HttpClient client;

    CompletableFuture<Outcome> send(WebhookDispatcher.Claim claim) {
        long start = System.nanoTime();
        URI uri = URI.create(claim.url());
        Optional<String> refusal = destinations.refusal(uri);
        if (refusal.isPresent()) {
            return CompletableFuture.completedFuture(new Outcome(null, "destination not allowed", elapsed(start)));
        }
        byte[] body = claim.body().getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(config.timeout())
                .header("Content-Type", WebhookEventsConsumer.CONTENT_TYPE)
                .header(HmacSignature.HEADER, HmacSignature.sign(claim.secret(), body))
                .header("X-Webhook-Id", claim.eventId())
                .header("X-Webhook-Attempt", Integer.toString(claim.attempt()))
                .header("User-Agent", "okrpm-webhooks/1.0")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        // the answer's body is never read: closing the stream right away discards it
        return client().sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                .handle((response, failure) -> {
                    long took = elapsed(start);
                    if (failure != null) {
                        return new Outcome(null, errorClass(failure), took);
                    }
                    try (InputStream ignored = response.body()) {
                        return new Outcome(response.statusCode(), null, took);
                    } catch (Exception e) {
                        return new Outcome(response.statusCode(), null, took);
                    }
                });
    }

    /** A stable, short name for why no answer came; never the exception's message. */
    static String errorClass(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof HttpConnectTimeoutException || c instanceof HttpTimeoutException
                    || c instanceof TimeoutException) {
                return "timeout";
            }
            if (c instanceof ConnectException) {
                return "connection refused";
            }
            if (c instanceof UnknownHostException || c instanceof UnresolvedAddressException) {
                return "unknown host";
            }
            if (c instanceof SSLException) {
                return "TLS error";
            }
        }
        return "I/O error";
    }

    private HttpClient client() {
        if (client == null) {
            synchronized (this) {
                if (client == null) {
                    client = HttpClient.newBuilder()
                            .connectTimeout(config.timeout())
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .build();
                }
            }
        }
        return client;
    }

    private static long elapsed(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}

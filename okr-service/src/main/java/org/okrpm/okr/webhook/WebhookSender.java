package org.okrpm.okr.webhook;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.okrpm.kit.crypto.HmacSignature;

/**
 * One HTTP attempt of a delivery: the signed POST, with a short timeout, no redirects, the destination vetted
 * first. The connection goes to the address {@link DestinationPolicy} vetted — given to the client as the
 * server address, so it resolves nothing itself — while the Host header, TLS SNI and certificate check use the
 * URL's host name. The receiver's body is never read; only its status code and the time taken are kept.
 */
@ApplicationScoped
public class WebhookSender {

    /** What an attempt records when it got no answer from an address that is not public. */
    static final String UNREACHABLE = "unreachable";

    /** What one attempt got: a status code, or an error class when no answer came. */
    public record Outcome(Integer statusCode, String error, long durationMs) {

        boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    private final Vertx vertx;
    private final Duration timeout;
    private final DestinationPolicy destinations;
    private volatile HttpClient client;

    @Inject
    public WebhookSender(Vertx vertx, WebhooksConfig config, DestinationPolicy destinations) {
        this(vertx, config.timeout(), destinations);
    }

    WebhookSender(Vertx vertx, Duration timeout, DestinationPolicy destinations) {
        this.vertx = vertx;
        this.timeout = timeout;
        this.destinations = destinations;
    }

    CompletableFuture<Outcome> send(WebhookDispatcher.Claim claim) {
        long start = System.nanoTime();
        DestinationPolicy.Destination destination = destinations.vet(URI.create(claim.url()));
        if (destination.refused()) {
            // where private addresses are allowed the only refusal is a host that does not resolve
            String error = destinations.allowsPrivate() ? "unknown host" : "destination not allowed";
            return CompletableFuture.completedFuture(new Outcome(null, error, elapsed(start)));
        }
        URI uri = destination.uri();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setHost(destination.host())
                .setPort(destination.port())
                .setSsl("https".equalsIgnoreCase(uri.getScheme()))
                // the vetted address as an IP literal: no second DNS lookup between the check and the connection
                .setServer(SocketAddress.inetSocketAddress(destination.port(), destination.address().getHostAddress()))
                .setURI(uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery())
                .setFollowRedirects(false)
                .setConnectTimeout(timeout.toMillis())
                .setIdleTimeout(timeout.toMillis())
                .putHeader("Content-Type", WebhookEventsConsumer.CONTENT_TYPE)
                .putHeader(HmacSignature.HEADER, HmacSignature.sign(claim.secret(),
                        claim.body().getBytes(StandardCharsets.UTF_8)))
                .putHeader("X-Webhook-Id", claim.eventId())
                .putHeader("X-Webhook-Attempt", Integer.toString(claim.attempt()))
                .putHeader("User-Agent", "okrpm-webhooks/1.0");
        Buffer body = Buffer.buffer(claim.body().getBytes(StandardCharsets.UTF_8));
        return client().request(request)
                .compose(req -> req.send(body))
                .map(response -> {
                    // the answer's body is never read: the connection is dropped as soon as the status is in
                    response.request().connection().close();
                    return response.statusCode();
                })
                .toCompletionStage().toCompletableFuture()
                .handle((status, failure) -> {
                    long took = elapsed(start);
                    if (failure == null) {
                        return new Outcome(status, null, took);
                    }
                    if (!destination.publicAddress()) {
                        // reachable only where private addresses are allowed: refused, closed and filtered ports
                        // look alike (same word, no time), so the log cannot map the internal network
                        return new Outcome(null, UNREACHABLE, 0);
                    }
                    return new Outcome(null, errorClass(failure), took);
                });
    }

    /** A stable, short name for why no answer came; never the exception's message. */
    static String errorClass(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            // Netty's connect timeout is a ConnectException: look for timeouts first
            if (c instanceof TimeoutException || c.getClass().getSimpleName().contains("Timeout")) {
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
                    client = vertx.createHttpClient(new HttpClientOptions()
                            .setConnectTimeout((int) timeout.toMillis())
                            .setKeepAlive(false)
                            .setVerifyHost(true));
                }
            }
        }
        return client;
    }

    private static long elapsed(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}

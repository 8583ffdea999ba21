package org.okrpm.gateway.routing;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.okrpm.gateway.GatewayConfig;
import org.okrpm.gateway.ratelimit.RateLimitHandler;
import org.okrpm.kit.http.RequestEdgeHandlers;
import org.okrpm.kit.problem.Problem;

/**
 * Routes {@code /api/v1/<segment>/...} to a replica of the owner service with Vert.x's reverse proxy: bodies are
 * streamed both ways, status, headers and bodies of the owner are passed on untouched. A connection failure is
 * retried once on another replica when that is safe ({@link Retries}). Runs after authentication and rate
 * limiting; the gateway's own paths fall through to their JAX-RS resources.
 */
@ApplicationScoped
public class ProxyRoutes {

    public static final int ORDER = RateLimitHandler.ORDER + 100;
    private static final Logger LOG = Logger.getLogger(ProxyRoutes.class);
    /** Served by the gateway itself (see the overview resources). */
    private static final Pattern OVERVIEW = Pattern.compile("^/api/v1/(objectives|cycles)/[^/]+/overview/?$");
    /** The attachment naming the replica an attempt goes to. */
    private static final String REPLICA = "okrpm.replica";
    /** Idempotent bodies up to the gateway's body limit (quarkus.http.limits.max-body-size) are kept for a retry. */
    private static final long REPLAYABLE_BODY_LIMIT = 1024 * 1024;

    /** Whether, and how, a request can be sent again after it reached a replica whose connection then broke. */
    private enum Replay { NEVER_AFTER_SENT, WITHOUT_BODY, AS_BUFFERED }

    @Inject
    Upstreams upstreams;

    @Inject
    GatewayConfig config;

    /** Tracing is off by default (the kit's defaults): then the caller's trace headers pass through untouched. */
    @ConfigProperty(name = "quarkus.otel.sdk.disabled", defaultValue = "false")
    boolean tracingOff;

    private final Map<Owner, HttpProxy> proxies = new EnumMap<>(Owner.class);

    void register(@Observes Router router) {
        long timeout = config.timeout().toMillis();
        for (Owner owner : Owner.values()) {
            Upstream upstream = upstreams.of(owner);
            HttpProxy proxy = HttpProxy.reverseProxy(upstream.client());
            // the interceptor has chosen the replica for this attempt
            proxy.origin(context -> {
                Replica replica = context.get(REPLICA, Replica.class);
                return context.client().request(new RequestOptions()
                        .setHost(replica.host()).setPort(replica.port()).setSsl(replica.tls())
                        .setIdleTimeout(timeout));
            });
            proxy.addInterceptor(new OwnerInterceptor(upstream));
            proxies.put(owner, proxy);
        }
        router.route("/api/v1/*").order(ORDER).handler(this::handle);
    }

    void handle(RoutingContext ctx) {
        String path = ctx.request().path();
        Optional<Owner> owner = Owner.ofPath(path);
        if (owner.isEmpty() || OVERVIEW.matcher(path).matches()) {
            ctx.next();
            return;
        }
        // the kit gave the request its id; the owner must log and answer with the same one
        ctx.request().headers().set(RequestEdgeHandlers.REQUEST_ID, RequestEdgeHandlers.requestId(ctx));
        if (!tracingOff) {
            // the gateway's span continued the caller's trace and its client span sends the context on; Vert.x adds
            // that header, so the caller's copy would come first and the owner would skip the gateway's hop
            ctx.request().headers().remove("traceparent").remove("tracestate").remove("baggage");
        }
        proxies.get(owner.get()).handle(ctx.request());
    }

    /**
     * Picks a replica (Stork, skipping those whose breaker is open), sends, and on a connection failure sends once
     * more to another replica when that is safe ({@link Retries}); failures become problem+json naming the owner.
     */
    static final class OwnerInterceptor implements ProxyInterceptor {

        private final Upstream upstream;

        OwnerInterceptor(Upstream upstream) {
            this.upstream = upstream;
        }

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            ProxyRequest request = context.request();
            String uri = request.getURI();
            if (!Retries.idempotent(request.getMethod(), request.headers())) {
                return attempt(context, uri, Replay.NEVER_AFTER_SENT, null, null);
            }
            if (bodiless(request.headers())) {
                return attempt(context, uri, Replay.WITHOUT_BODY, null, null);
            }
            long length = contentLength(request.headers());
            if (length < 0 || length > REPLAYABLE_BODY_LIMIT) {
                return attempt(context, uri, Replay.NEVER_AFTER_SENT, null, null);
            }
            // an Idempotency-Key request with a body: kept, so that it can be sent to a second replica
            HttpServerRequest incoming = request.proxiedRequest();
            Future<Buffer> body = incoming.body();
            incoming.resume();
            return body.compose(buffer -> {
                request.setBody(Body.body(buffer));
                return attempt(context, uri, Replay.AS_BUFFERED, null, null);
            });
        }

        private Future<ProxyResponse> attempt(ProxyContext context, String uri, Replay replay, Replica failed,
                                              Throwable failure) {
            return upstream.select(failed).transform(selection -> {
                if (selection.failed()) {
                    // no replica to send to (the first time), or no other one (the retry): answer with why
                    OwnerFailure answer = OwnerFailure.of(upstream.owner(),
                            failed == null ? selection.cause() : failure);
                    if (failed != null) {
                        warn(context, answer, failure);
                    }
                    return Future.succeededFuture(problem(context, answer));
                }
                Replica replica = selection.result();
                if (failed != null) {
                    upstream.retried(failed, replica, context.request().getMethod().name(), uri, failure);
                }
                context.set(REPLICA, replica);
                context.request().setURI(replica.uri(uri));
                return context.sendRequest().transform(result -> {
                    if (result.succeeded()) {
                        replica.answered();
                        return Future.succeededFuture(result.result());
                    }
                    if (context.request().proxiedRequest().response().closed()) {
                        // the caller hung up and the proxy dropped the owner's call: not the replica's failure, so
                        // its breaker (shared by every caller) is left alone and nobody is left to answer
                        LOG.debugf("%s %s: the caller closed the connection", context.request().getMethod(), uri);
                        return Future.failedFuture(result.cause());
                    }
                    Throwable cause = result.cause();
                    replica.failed(cause);
                    if (failed == null && Retries.notConnected(cause)) {
                        return attempt(context, uri, replay, replica, cause);
                    }
                    if (failed == null && replay != Replay.NEVER_AFTER_SENT && Retries.connectionLost(cause)) {
                        if (replay == Replay.WITHOUT_BODY) {
                            context.request().setBody(null);
                        }
                        return attempt(context, uri, replay, replica, cause);
                    }
                    OwnerFailure answer = OwnerFailure.of(upstream.owner(), cause);
                    warn(context, answer, cause);
                    return Future.succeededFuture(problem(context, answer));
                });
            });
        }

        @Override
        public Future<Void> handleProxyResponse(ProxyContext context) {
            // the edge already set these on the response; the owner's copies would only duplicate them
            context.response().headers().remove(RequestEdgeHandlers.REQUEST_ID);
            // the owner names the new resource by its own internal address; the caller only knows the gateway
            String location = context.response().headers().get(HttpHeaders.LOCATION);
            Replica replica = context.get(REPLICA, Replica.class);
            if (location != null && replica != null) {
                context.response().headers().set(HttpHeaders.LOCATION, replica.callerLocation(location));
            }
            context.response().headers().names().stream()
                    .filter(name -> name.regionMatches(true, 0, "access-control-", 0, 15))
                    .toList()
                    .forEach(name -> context.response().headers().remove(name));
            return context.sendResponse();
        }

        private static void warn(ProxyContext context, OwnerFailure failure, Throwable cause) {
            LOG.warnf("%s %s: %s (%s)", context.request().getMethod(), context.request().proxiedRequest().uri(),
                    failure.detail(), String.valueOf(cause));
        }

        private static boolean bodiless(MultiMap headers) {
            return !headers.contains(HttpHeaders.TRANSFER_ENCODING) && contentLength(headers) <= 0;
        }

        /** The Content-Length, 0 when absent, -1 when unreadable. */
        private static long contentLength(MultiMap headers) {
            String value = headers.get(HttpHeaders.CONTENT_LENGTH);
            if (value == null) {
                return headers.contains(HttpHeaders.TRANSFER_ENCODING) ? -1 : 0;
            }
            try {
                return Long.parseLong(value.trim());
            } catch (NumberFormatException e) {
                return -1;
            }
        }

        private static ProxyResponse problem(ProxyContext context, OwnerFailure failure) {
            Buffer body = Buffer.buffer(failure.body(context.request().proxiedRequest().path()));
            return context.request().release().response()
                    .setStatusCode(failure.type().status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .setBody(Body.body(body));
        }
    }
}

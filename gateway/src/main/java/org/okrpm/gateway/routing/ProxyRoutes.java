package org.okrpm.gateway.routing;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.okrpm.gateway.GatewayConfig;
import org.okrpm.gateway.ratelimit.RateLimitHandler;
import org.okrpm.kit.http.RequestEdgeHandlers;
import org.okrpm.kit.problem.Problem;

/**
 * Routes {@code /api/v1/<segment>/...} to the owner service with Vert.x's reverse proxy: bodies are streamed
 * both ways, status, headers and bodies of the owner are passed on untouched. Runs after authentication and
 * rate limiting; the gateway's own paths fall through to their JAX-RS resources.
 */
@ApplicationScoped
public class ProxyRoutes {

    public static final int ORDER = RateLimitHandler.ORDER + 100;
    private static final Logger LOG = Logger.getLogger(ProxyRoutes.class);
    /** Served by the gateway itself (see the overview resource). */
    private static final Pattern OVERVIEW = Pattern.compile("^/api/v1/objectives/[^/]+/overview/?$");

    @Inject
    Upstreams upstreams;

    @Inject
    GatewayConfig config;

    private final Map<Owner, HttpProxy> proxies = new EnumMap<>(Owner.class);

    void register(@Observes Router router) {
        for (Owner owner : Owner.values()) {
            Upstreams.Upstream upstream = upstreams.of(owner);
            HttpProxy proxy = HttpProxy.reverseProxy(upstream.client());
            long timeout = config.timeout().toMillis();
            proxy.origin(context -> context.client().request(new RequestOptions()
                    .setIdleTimeout(timeout)
                    .setURI(upstream.uri(context.request().getURI()))));
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
        proxies.get(owner.get()).handle(ctx.request());
    }

    /** Breaker first, then the call; failures become problem+json naming the owner. */
    static final class OwnerInterceptor implements ProxyInterceptor {

        private final Upstreams.Upstream upstream;

        OwnerInterceptor(Upstreams.Upstream upstream) {
            this.upstream = upstream;
        }

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            if (!upstream.breaker().tryAcquire()) {
                return Future.succeededFuture(problem(context, OwnerFailure.circuitOpen(upstream.owner())));
            }
            return context.sendRequest().transform(result -> {
                if (result.succeeded()) {
                    upstream.breaker().onSuccess();
                    return Future.succeededFuture(result.result());
                }
                if (context.request().proxiedRequest().response().closed()) {
                    // the caller hung up and the proxy dropped the owner's call: not the owner's failure, so the
                    // breaker (shared by every caller) is left alone and nobody is left to answer
                    LOG.debugf("%s %s: the caller closed the connection", context.request().getMethod(),
                            context.request().getURI());
                    return Future.failedFuture(result.cause());
                }
                upstream.breaker().onFailure();
                OwnerFailure failure = OwnerFailure.of(upstream.owner(), result.cause());
                LOG.warnf("%s %s: %s (%s)", context.request().getMethod(), context.request().getURI(),
                        failure.detail(), result.cause().toString());
                return Future.succeededFuture(problem(context, failure));
            });
        }

        @Override
        public Future<Void> handleProxyResponse(ProxyContext context) {
            // the edge already set these on the response; the owner's copies would only duplicate them
            context.response().headers().remove(RequestEdgeHandlers.REQUEST_ID);
            context.response().headers().names().stream()
                    .filter(name -> name.regionMatches(true, 0, "access-control-", 0, 15))
                    .toList()
                    .forEach(name -> context.response().headers().remove(name));
            return context.sendResponse();
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

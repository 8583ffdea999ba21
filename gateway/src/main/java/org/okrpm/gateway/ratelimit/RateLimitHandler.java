package org.okrpm.gateway.ratelimit;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.okrpm.gateway.GatewayConfig;
import org.okrpm.gateway.security.Caller;
import org.okrpm.gateway.security.EdgeAuthenticator;
import org.okrpm.kit.http.ProblemJson;
import org.okrpm.kit.problem.ProblemType;

/**
 * Per-client rate limit on {@code /api/}: one token bucket per API-key name, token subject, or (for the
 * unauthenticated webhook receiver) client IP. Over the limit → 429 problem with {@code Retry-After}.
 */
@ApplicationScoped
public class RateLimitHandler {

    public static final int ORDER = EdgeAuthenticator.ORDER + 100;

    @Inject
    GatewayConfig config;

    @Inject
    Vertx vertx;

    private TokenBuckets buckets;

    void register(@Observes Router router) {
        GatewayConfig.RateLimit limit = config.rateLimit();
        if (!limit.enabled()) {
            return;
        }
        buckets = new TokenBuckets(limit.capacity(), limit.refillPerSecond());
        vertx.setPeriodic(60_000, id -> buckets.evictIdle());
        router.route("/api/*").order(ORDER).handler(this::handle);
    }

    void handle(RoutingContext ctx) {
        TokenBuckets.Decision decision = buckets.tryTake(Caller.of(ctx).clientKey(ctx));
        if (decision.allowed()) {
            ctx.next();
            return;
        }
        ctx.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
        ProblemJson.end(ctx, ProblemType.TOO_MANY_REQUESTS,
                "Rate limit exceeded; retry after " + decision.retryAfterSeconds() + " s");
    }
}

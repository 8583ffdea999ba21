package org.okrpm.gateway.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.okrpm.gateway.GatewayConfig;
import org.okrpm.kit.http.ProblemJson;
import org.okrpm.kit.problem.ProblemType;

/**
 * Authenticates every {@code /api/} request at the edge, before it is rate limited and routed: a bearer JWT
 * (RS256, verified with {@code mp.jwt.verify.*}) or an {@code X-API-Key}, which is exchanged for a short-lived
 * token that replaces it upstream. Then applies the coarse role rules of {@link AccessPolicy}. Answers 401
 * (with {@code WWW-Authenticate}) or 403 as problem+json.
 *
 * <p>Abuse limits: a client address with too many failed authentications in a window gets 429 before any
 * signature is verified ({@link FailedAuthentications}), and a token that just failed verification is refused
 * again without a second check ({@link RefusedTokens}).
 */
@ApplicationScoped
public class EdgeAuthenticator {

    public static final String API_KEY = "X-API-Key";
    /** After the request id and body-size checks of the kit (Integer.MIN_VALUE), before rate limits and routing. */
    public static final int ORDER = -300;
    private static final Logger LOG = Logger.getLogger(EdgeAuthenticator.class);

    @Inject
    JWTParser jwtParser;

    @Inject
    ApiKeys apiKeys;

    @Inject
    TokenMinter minter;

    @Inject
    GatewayConfig config;

    @Inject
    MeterRegistry registry;

    @Inject
    Vertx vertx;

    /** Null when the limit is switched off. */
    private FailedAuthentications failures;
    private RefusedTokens refused;
    private Counter blocked;
    private final Map<Failure, Counter> failureCounters = new EnumMap<>(Failure.class);

    void register(@Observes Router router) {
        GatewayConfig.AuthFailures limit = config.authFailures();
        if (limit.enabled()) {
            failures = new FailedAuthentications(limit.limit(), limit.window().toNanos());
            vertx.setPeriodic(60_000, id -> failures.evictExpired());
        }
        refused = new RefusedTokens(config.refusedTokens().ttl().toNanos(), config.refusedTokens().size());
        blocked = Counter.builder("okrpm.gateway.auth.blocked")
                .description("Requests refused with 429 because their address failed to authenticate too often")
                .register(registry);
        for (Failure failure : Failure.values()) {
            failureCounters.put(failure, Counter.builder("okrpm.gateway.auth.failures").tag("reason", failure.tag)
                    .description("Requests whose credentials were refused at the edge").register(registry));
        }
        router.route("/api/*").order(ORDER).handler(this::handle);
    }

    /** Why an authentication failed, as the tag of {@code okrpm_gateway_auth_failures_total}. */
    enum Failure {
        /** The token's signature or claims were checked and refused. */
        TOKEN_VERIFICATION_FAILED("token-verification-failed"),
        /** A token refused a moment ago, refused again without a check. */
        TOKEN_REFUSED_BEFORE("token-refused-before"),
        /** Not a bearer token, or an unknown API key. */
        BAD_CREDENTIALS("bad-credentials");

        final String tag;

        Failure(String tag) {
            this.tag = tag;
        }
    }

    private void count(Failure failure) {
        failureCounters.get(failure).increment();
    }

    void handle(RoutingContext ctx) {
        String path = ctx.request().path();
        if (hasDotSegments(path)) {
            // no API path has them; refused so that what is checked here is exactly what the owner serves
            ProblemJson.end(ctx, ProblemType.NOT_FOUND, "No resource at this path");
            return;
        }
        if (AccessPolicy.isPublic(ctx.request().method(), path)) {
            ctx.next();
            return;
        }
        String address = clientAddress(ctx);
        long blockedFor = failures == null ? 0 : failures.blockedForSeconds(address);
        if (blockedFor > 0) {
            blocked.increment();
            ctx.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(blockedFor));
            ProblemJson.end(ctx, ProblemType.TOO_MANY_REQUESTS,
                    "Too many failed authentications from your address; retry after " + blockedFor + " s");
            return;
        }
        Optional<Caller> caller;
        try {
            caller = authenticate(ctx);
        } catch (TokenSigningException e) {
            ProblemJson.end(ctx, ProblemType.INTERNAL,
                    "The gateway cannot exchange API keys right now; quote the X-Request-Id header when reporting it");
            return;
        }
        if (caller.isEmpty()) {
            if (failures != null && hasCredentials(ctx)) {
                // a request without any credentials costs no check, so only presented credentials count
                failures.record(address);
            }
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
            ProblemJson.end(ctx, ProblemType.UNAUTHORIZED,
                    "Send a valid bearer token (Authorization: Bearer <JWT>) or API key (X-API-Key)");
            return;
        }
        if (!AccessPolicy.allows(caller.get().roles(), ctx.request().method(), path)) {
            ProblemJson.end(ctx, ProblemType.FORBIDDEN, AccessPolicy.refusal(ctx.request().method(), path));
            return;
        }
        caller.get().attachTo(ctx);
        // what the owner sees: a bearer token it can verify itself, never the API key
        ctx.request().headers().set(HttpHeaders.AUTHORIZATION, "Bearer " + caller.get().bearerToken());
        ctx.request().headers().remove(API_KEY);
        ctx.next();
    }

    private static String clientAddress(RoutingContext ctx) {
        // the forwarded address when quarkus.http.proxy.proxy-address-forwarding is on (behind a load balancer)
        return ctx.request().remoteAddress() == null ? "?" : ctx.request().remoteAddress().host();
    }

    private static boolean hasCredentials(RoutingContext ctx) {
        return ctx.request().getHeader(HttpHeaders.AUTHORIZATION) != null || ctx.request().getHeader(API_KEY) != null;
    }

    static boolean hasDotSegments(String path) {
        String decoded = path.replace("%2e", ".").replace("%2E", ".").replace("%2f", "/").replace("%2F", "/");
        for (String segment : decoded.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return true;
            }
        }
        return false;
    }

    private Optional<Caller> authenticate(RoutingContext ctx) {
        String authorization = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            return bearer(authorization);
        }
        String key = ctx.request().getHeader(API_KEY);
        if (key != null) {
            Optional<Caller> caller = apiKeys.find(key).map(found -> new Caller(Caller.Kind.API_KEY, found.name(),
                    found.roles(), exchange(found)));
            if (caller.isEmpty()) {
                count(Failure.BAD_CREDENTIALS);
            }
            return caller;
        }
        return Optional.empty();
    }

    private String exchange(ApiKeys.ApiKey key) {
        try {
            return minter.forApiKey(key);
        } catch (RuntimeException e) {
            // a deployment error (no signing key): fail loudly in the log, not with a stack trace to the client
            LOG.errorf(e, "Cannot sign the token for API key %s; is smallrye.jwt.sign.key.location set?", key.name());
            throw new TokenSigningException();
        }
    }

    /** The gateway could not sign an exchanged token. */
    static final class TokenSigningException extends RuntimeException {
        TokenSigningException() {
            super("token signing failed", null, false, false);
        }
    }

    private Optional<Caller> bearer(String authorization) {
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            count(Failure.BAD_CREDENTIALS);
            return Optional.empty();
        }
        String token = authorization.substring(7).trim();
        if (refused.isRefused(token)) {
            count(Failure.TOKEN_REFUSED_BEFORE);
            return Optional.empty();
        }
        try {
            JsonWebToken jwt = jwtParser.parse(token); // remembered for a while once verified (the kit's parser)
            String subject = jwt.getSubject() != null ? jwt.getSubject() : jwt.getName();
            Set<String> groups = jwt.getGroups() == null ? Set.of() : jwt.getGroups();
            return Optional.of(new Caller(Caller.Kind.TOKEN, subject, groups, token));
        } catch (ParseException e) {
            // the kit's parser remembers only verified tokens: a failed parse always was a full check
            refused.refuse(token);
            count(Failure.TOKEN_VERIFICATION_FAILED);
            LOG.debugf("Rejected bearer token: %s", e.getMessage());
            return Optional.empty();
        }
    }
}

package org.okrpm.kit.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;
import org.okrpm.kit.problem.ProblemType;

/**
 * Runs first for every HTTP request: gives it an {@code X-Request-Id} (the caller's, when sane, else a new
 * one) on the response and in the log context, and refuses bodies announced as larger than 1 MiB with a
 * problem body (Quarkus's own limit, {@code quarkus.http.limits.max-body-size}, catches chunked ones).
 */
@ApplicationScoped
public class RequestEdgeHandlers {

    public static final String REQUEST_ID = "X-Request-Id";
    public static final long MAX_BODY_BYTES = 1024 * 1024;
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::handle);
    }

    void handle(RoutingContext ctx) {
        String given = ctx.request().getHeader(REQUEST_ID);
        String requestId = given != null && SAFE_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
        ctx.put(REQUEST_ID, requestId);
        ctx.response().putHeader(REQUEST_ID, requestId);
        MDC.put("requestId", requestId);

        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && tooLarge(length)) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
            ProblemJson.end(ctx, ProblemType.PAYLOAD_TOO_LARGE, "The request body is larger than 1 MiB");
            return;
        }
        ctx.next();
    }

    private static boolean tooLarge(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim()) > MAX_BODY_BYTES;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The request id of the request being handled, from the routing context. */
    public static String requestId(RoutingContext ctx) {
        return ctx == null ? null : ctx.get(REQUEST_ID);
    }
}

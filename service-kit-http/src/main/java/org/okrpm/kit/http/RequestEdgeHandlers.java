package org.okrpm.kit.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.HttpException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;
import org.okrpm.kit.problem.ProblemExceptionMappers;
import org.okrpm.kit.problem.ProblemType;

/**
 * Runs first for every HTTP request: gives it an {@code X-Request-Id} (the caller's, when sane, else a new
 * one) on the response and in the log context, and refuses what no endpoint may get, each as problem+json:
 * a request target over {@link #MAX_TARGET_CHARS} characters (414), a body announced as larger than 1 MiB (413)
 * and a body on POST, PUT or PATCH without a {@code Content-Type} (415: it would otherwise be read as JSON whatever
 * it is). A chunked body (no length announced) is read here, up to 1 MiB, before Quarkus REST gets it: Quarkus
 * REST's own limit answers an empty 413 and then fails the request a second time (two ERROR stack traces); over
 * the limit here, the route fails with 413 and {@link #failure} answers it as problem+json. Bodies an application
 * streams on ({@link StreamedBodies}, the gateway's proxy) are left alone: their receiver applies the limit.
 */
@ApplicationScoped
public class RequestEdgeHandlers {

    public static final String REQUEST_ID = "X-Request-Id";
    public static final long MAX_BODY_BYTES = 1024 * 1024;
    /** Path and query; longer ones up to {@link RequestLineLimit#MAX_REQUEST_LINE} reach this handler. */
    public static final int MAX_TARGET_CHARS = 4096;
    private static final int INSTANCE_CHARS = 200;
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final BodyHandler chunkedBodies = BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES)
            .setHandleFileUploads(false).setMergeFormAttributes(false);

    @Inject
    Instance<StreamedBodies> streamedBodies;

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::handle).failureHandler(this::failure);
    }

    /**
     * A random version-4 UUID from {@link ThreadLocalRandom}: a correlation id needs to be unique, not unguessable,
     * and {@link UUID#randomUUID()} takes a lock on the system's SecureRandom for every request.
     */
    static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String given = request.getHeader(REQUEST_ID);
        String requestId = given != null && SAFE_ID.matcher(given).matches() ? given : newRequestId();
        ctx.put(REQUEST_ID, requestId);
        ctx.response().putHeader(REQUEST_ID, requestId);
        MDC.put("requestId", requestId);

        if (request.uri().length() > MAX_TARGET_CHARS) {
            ProblemJson.end(ctx, ProblemType.URI_TOO_LONG, ProblemExceptionMappers.defaultDetail(414),
                    shortened(request.path()));
            return;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && tooLarge(length)) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
            ProblemJson.end(ctx, ProblemType.PAYLOAD_TOO_LARGE, "The request body is larger than 1 MiB");
            return;
        }
        if (carriesBody(request) && request.getHeader(HttpHeaders.CONTENT_TYPE) == null) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
            ProblemJson.end(ctx, ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "Send a Content-Type with the body: application/json");
            return;
        }
        if (length == null && carriesBody(request) && !multipart(request) && !streamed(request)) {
            chunkedBodies.handle(ctx);
            return;
        }
        ctx.next();
    }

    /** No endpoint takes multipart bodies; Quarkus REST answers them 415 without reading them. */
    private static boolean multipart(HttpServerRequest request) {
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        return type != null && type.trim().toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    private boolean streamed(HttpServerRequest request) {
        for (StreamedBodies bodies : streamedBodies) {
            if (bodies.streams(request)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A client error the HTTP layer found (a chunked body over the limit is a bare {@code fail(413)}): answered as
     * problem+json, without the error page and stack trace Quarkus logs for a failed route. 401 and 403 stay with
     * the security layer, which adds its challenge; server errors go on to Quarkus, which logs them.
     */
    void failure(RoutingContext ctx) {
        int status = ctx.statusCode();
        if (status < 0 && ctx.failure() instanceof HttpException http) {
            status = http.getStatusCode();
        }
        ProblemType type = ProblemType.forStatus(status);
        if (type.status() != status || status >= 500 || status == 401 || status == 403
                || ctx.response().headWritten()) {
            ctx.next();
            return;
        }
        if (status == 413) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
        }
        ProblemJson.end(ctx, type, ProblemExceptionMappers.defaultDetail(status), shortened(ctx.request().path()));
    }

    private static boolean carriesBody(HttpServerRequest request) {
        HttpMethod method = request.method();
        if (method != HttpMethod.POST && method != HttpMethod.PUT && method != HttpMethod.PATCH) {
            return false;
        }
        if (request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
            return true;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return length != null && !length.trim().equals("0");
    }

    private static String shortened(String path) {
        return path == null || path.length() <= INSTANCE_CHARS ? path : path.substring(0, INSTANCE_CHARS) + "…";
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

package org.okrpm.gateway.routing;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.StreamResetException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

/**
 * When a call that failed on one replica may go to another, once:
 * <ul>
 *   <li>the replica could not be connected to (refused, connect timeout, no route, unknown host): nothing was
 *       sent, so any request may;</li>
 *   <li>the connection broke before an answer (closed, reset): only an idempotent request, which is GET, HEAD or
 *       OPTIONS, or any request carrying {@code Idempotency-Key} (the owner answers a repeat with the first
 *       answer).</li>
 * </ul>
 * A timeout is never retried: the replica may still be working on it, and the caller already waited.
 */
public final class Retries {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private Retries() {
    }

    public static boolean idempotent(HttpMethod method, MultiMap headers) {
        return method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS
                || headers.contains(IDEMPOTENCY_KEY);
    }

    /** The connection could not be made: the request never left the gateway. */
    public static boolean notConnected(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < 10; depth++, cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof ConnectTimeoutException
                    || cause instanceof NoRouteToHostException || cause instanceof UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    /** The connection was lost after the request was sent and before any answer (closed or reset). */
    public static boolean connectionLost(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < 10; depth++, cause = cause.getCause()) {
            if (cause instanceof TimeoutException) {
                return false;
            }
            // a connection closed while the proxy still wrote the request surfaces as the proxy's own reset of it
            if (cause instanceof HttpClosedException || cause instanceof StreamResetException
                    || cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}

package org.okrpm.kit.http;

import io.quarkus.arc.Unremovable;
import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;
import jakarta.inject.Singleton;

/**
 * Lets request lines up to {@link #MAX_REQUEST_LINE} bytes reach the router, where {@link RequestEdgeHandlers}
 * refuses a target over 4096 characters with a problem+json 414. Vert.x's own limit (4096 by default,
 * {@code quarkus.http.limits.max-initial-line-length}) answers an empty 414 that no handler can change, so it is
 * raised here, in the kit, for every service and the gateway; a line longer still gets that empty 414.
 */
@Singleton
@Unremovable
public class RequestLineLimit implements HttpServerOptionsCustomizer {

    public static final int MAX_REQUEST_LINE = 64 * 1024;

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        raise(options);
    }

    @Override
    public void customizeHttpsServer(HttpServerOptions options) {
        raise(options);
    }

    private static void raise(HttpServerOptions options) {
        if (options.getMaxInitialLineLength() < MAX_REQUEST_LINE) {
            options.setMaxInitialLineLength(MAX_REQUEST_LINE);
        }
    }
}

package org.okrpm.kit.http;

import io.vertx.core.http.HttpServerRequest;

/**
 * Requests whose body an application passes on as a stream instead of reading it (the gateway's proxy): the kit
 * must not buffer those to enforce the body limit ({@link RequestEdgeHandlers}); the receiver enforces it.
 */
public interface StreamedBodies {

    boolean streams(HttpServerRequest request);
}

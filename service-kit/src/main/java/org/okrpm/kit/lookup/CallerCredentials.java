package org.okrpm.kit.lookup;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;

/**
 * The credentials of the HTTP request being served, to pass on to the owner of a looked-up fact: it answers
 * with the caller's rights, not the service's. Null outside a request (an event consumer) or when absent.
 */
@ApplicationScoped
public class CallerCredentials {

    @Inject
    CurrentVertxRequest currentVertxRequest;

    public String authorization() {
        return header("Authorization");
    }

    public String apiKey() {
        return header("X-API-Key");
    }

    private String header(String name) {
        try {
            RoutingContext ctx = currentVertxRequest.getCurrent();
            return ctx == null ? null : ctx.request().getHeader(name);
        } catch (ContextNotActiveException e) {
            return null;
        }
    }
}

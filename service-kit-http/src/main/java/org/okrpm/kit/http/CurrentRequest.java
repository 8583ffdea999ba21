package org.okrpm.kit.http;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Facts about the HTTP request being served: its id, its caller, and a sentence naming it as a cause. */
@ApplicationScoped
public class CurrentRequest {

    @Inject
    CurrentVertxRequest currentVertxRequest;

    @Inject
    SecurityIdentity identity;

    /** The X-Request-Id of the request being served, or null outside a request. */
    public String id() {
        return RequestEdgeHandlers.requestId(routingContext());
    }

    /** The acting user: the JWT {@code sub} (not the principal name, which prefers {@code upn}), or null. */
    public String userId() {
        if (identity.isAnonymous()) {
            return null;
        }
        return identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null
                ? jwt.getSubject() : identity.getPrincipal().getName();
    }

    /** E.g. {@code PATCH /api/v1/key-results/… by alice (request 5f0c…)}: what history entries name as cause. */
    public String describe() {
        RoutingContext ctx = routingContext();
        if (ctx == null) {
            return "internal";
        }
        String user = userId();
        return ctx.request().method().name() + " " + ctx.request().path()
                + (user == null ? "" : " by " + user) + " (request " + id() + ")";
    }

    private RoutingContext routingContext() {
        try {
            return currentVertxRequest.getCurrent();
        } catch (ContextNotActiveException e) {
            return null;
        }
    }
}

package org.okrpm.gateway.security;

import io.vertx.ext.web.RoutingContext;
import java.util.Set;

/**
 * Who is calling, as established at the edge: the token's subject or the API key's name, its roles, and the
 * bearer token that goes upstream (the caller's own, or the one its API key was exchanged for).
 */
public record Caller(Kind kind, String name, Set<String> roles, String bearerToken) {

    public enum Kind { TOKEN, API_KEY, ANONYMOUS }

    static final String KEY = "okrpm.caller";

    public static Caller anonymous() {
        return new Caller(Kind.ANONYMOUS, null, Set.of(), null);
    }

    /** The caller of the request in {@code ctx}, or anonymous when the edge did not authenticate it. */
    public static Caller of(RoutingContext ctx) {
        Caller caller = ctx == null ? null : ctx.get(KEY);
        return caller == null ? anonymous() : caller;
    }

    void attachTo(RoutingContext ctx) {
        ctx.put(KEY, this);
    }

    /** The rate-limit bucket this caller draws from. */
    public String clientKey(RoutingContext ctx) {
        return switch (kind) {
            case API_KEY -> "key:" + name;
            case TOKEN -> "sub:" + name;
            case ANONYMOUS -> "ip:" + (ctx.request().remoteAddress() == null ? "?" : ctx.request().remoteAddress().host());
        };
    }
}

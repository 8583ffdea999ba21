package org.okrpm.gateway.security;

import io.vertx.core.http.HttpMethod;
import java.util.Set;
import java.util.regex.Pattern;
import org.okrpm.gateway.routing.Owner;
import org.okrpm.kit.security.Roles;

/**
 * The coarse role rules of docs/api.md, enforced at the edge so that a forbidden call never reaches an owner:
 * viewers only read, integrators only touch integrations and tasks. Finer rules stay with the services,
 * which check every token again.
 */
public final class AccessPolicy {

    private static final Set<String> INTEGRATOR_SEGMENTS = Set.of("integrations", "tasks");
    private static final Pattern WEBHOOK_RECEIVER = Pattern.compile("^/api/v1/integrations/[^/]+/events/?$");
    private static final String DEV_TOKEN = "/api/v1/auth/dev-token";

    private AccessPolicy() {
    }

    /**
     * Paths that need no credentials at the edge: the webhook receiver (the tool's signature authenticates
     * it, in project-service) and the dev-token endpoint (local profile only; 404 elsewhere).
     */
    public static boolean isPublic(HttpMethod method, String path) {
        if (method == HttpMethod.OPTIONS) {
            return true; // CORS preflight, answered by the CORS filter
        }
        return method == HttpMethod.POST && (WEBHOOK_RECEIVER.matcher(path).matches() || DEV_TOKEN.equals(path));
    }

    public static boolean allows(Set<String> roles, HttpMethod method, String path) {
        for (String role : roles) {
            if (allows(role, method, path)) {
                return true;
            }
        }
        return false;
    }

    private static boolean allows(String role, HttpMethod method, String path) {
        return switch (role) {
            case Roles.ADMIN, Roles.MEMBER -> true;
            case Roles.VIEWER -> method == HttpMethod.GET || method == HttpMethod.HEAD;
            case Roles.INTEGRATOR -> INTEGRATOR_SEGMENTS.contains(Owner.firstSegment(path));
            default -> false;
        };
    }
}

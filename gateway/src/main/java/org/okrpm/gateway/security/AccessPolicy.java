package org.okrpm.gateway.security;

import io.vertx.core.http.HttpMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.okrpm.gateway.routing.Owner;
import org.okrpm.kit.security.Roles;

/**
 * The coarse role rules of docs/api.md, enforced at the edge so that a forbidden call never reaches an owner:
 * viewers only read, integrators only touch integrations and tasks, and the gateway's own admin lists (the
 * merged audit trail) are for admins alone. Finer rules stay with the services, which check every token again.
 */
public final class AccessPolicy {

    private static final Set<String> INTEGRATOR_SEGMENTS = Set.of("integrations", "tasks");
    private static final Pattern WEBHOOK_RECEIVER = Pattern.compile("^/api/v1/integrations/[^/]+/events/?$");
    private static final String DEV_TOKEN = "/api/v1/auth/dev-token";
    /** First path segments only admins may reach. */
    private static final Set<String> ADMIN_SEGMENTS = Set.of("audit");

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

    /** The detail of a 403: which roles the edge would let through, e.g. "Requires role admin, member or viewer". */
    public static String refusal(HttpMethod method, String path) {
        List<String> allowed = new ArrayList<>();
        for (String role : List.of(Roles.ADMIN, Roles.MEMBER, Roles.VIEWER, Roles.INTEGRATOR)) {
            if (allows(role, method, path)) {
                allowed.add(role);
            }
        }
        String last = allowed.remove(allowed.size() - 1);
        return "Requires role " + (allowed.isEmpty() ? last : String.join(", ", allowed) + " or " + last);
    }

    private static boolean allows(String role, HttpMethod method, String path) {
        if (ADMIN_SEGMENTS.contains(Owner.firstSegment(path))) {
            return Roles.ADMIN.equals(role);
        }
        return switch (role) {
            case Roles.ADMIN, Roles.MEMBER -> true;
            case Roles.VIEWER -> method == HttpMethod.GET || method == HttpMethod.HEAD;
            case Roles.INTEGRATOR -> INTEGRATOR_SEGMENTS.contains(Owner.firstSegment(path));
            default -> false;
        };
    }
}

package org.okrpm.gateway.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.http.HttpMethod;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {

    @Test
    void rolesAtTheEdge() {
        assertTrue(AccessPolicy.allows(Set.of("admin"), HttpMethod.DELETE, "/api/v1/cycles/1"));
        assertTrue(AccessPolicy.allows(Set.of("member"), HttpMethod.POST, "/api/v1/objectives"));
        assertTrue(AccessPolicy.allows(Set.of("viewer"), HttpMethod.GET, "/api/v1/objectives"));
        assertFalse(AccessPolicy.allows(Set.of("viewer"), HttpMethod.PATCH, "/api/v1/objectives/1"));
        assertTrue(AccessPolicy.allows(Set.of("integrator"), HttpMethod.PATCH, "/api/v1/tasks/1"));
        assertTrue(AccessPolicy.allows(Set.of("integrator"), HttpMethod.POST, "/api/v1/integrations"));
        assertFalse(AccessPolicy.allows(Set.of("integrator"), HttpMethod.GET, "/api/v1/projects"));
        assertTrue(AccessPolicy.allows(Set.of("viewer", "integrator"), HttpMethod.GET, "/api/v1/projects"));
        assertFalse(AccessPolicy.allows(Set.of(), HttpMethod.GET, "/api/v1/projects"));
        assertFalse(AccessPolicy.allows(Set.of("root"), HttpMethod.GET, "/api/v1/projects"));
    }

    @Test
    void theMergedAuditTrailIsForAdminsOnly() {
        assertTrue(AccessPolicy.allows(Set.of("admin"), HttpMethod.GET, "/api/v1/audit"));
        assertFalse(AccessPolicy.allows(Set.of("member"), HttpMethod.GET, "/api/v1/audit"));
        assertFalse(AccessPolicy.allows(Set.of("viewer", "integrator"), HttpMethod.GET, "/api/v1/audit"));
    }

    @Test
    void onlyTheWebhookReceiverAndDevTokenArePublic() {
        assertTrue(AccessPolicy.isPublic(HttpMethod.POST, "/api/v1/integrations/abc/events"));
        assertFalse(AccessPolicy.isPublic(HttpMethod.GET, "/api/v1/integrations/abc/events"));
        assertFalse(AccessPolicy.isPublic(HttpMethod.POST, "/api/v1/integrations/abc/events/x"));
        assertFalse(AccessPolicy.isPublic(HttpMethod.POST, "/api/v1/integrations"));
        assertTrue(AccessPolicy.isPublic(HttpMethod.POST, "/api/v1/auth/dev-token"));
        assertTrue(AccessPolicy.isPublic(HttpMethod.OPTIONS, "/api/v1/cycles"));
    }

    @Test
    void dotSegmentsAreRecognised() {
        assertTrue(EdgeAuthenticator.hasDotSegments("/api/v1/tasks/../cycles"));
        assertTrue(EdgeAuthenticator.hasDotSegments("/api/v1/integrations/%2e%2e/events"));
        assertTrue(EdgeAuthenticator.hasDotSegments("/api/v1/tasks/."));
        assertFalse(EdgeAuthenticator.hasDotSegments("/api/v1/tasks/a.b/..x"));
    }
}

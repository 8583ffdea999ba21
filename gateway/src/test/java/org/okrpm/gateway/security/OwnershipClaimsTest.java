package org.okrpm.gateway.security;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.okrpm.gateway.security.EdgeSecurityTest.claims;
import static org.okrpm.kit.testing.TestTokens.api;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The claims the services judge ownership by: the projects an API key is bound to travel in the token it is
 * exchanged for, and dev tokens can carry the subject's teams.
 */
@QuarkusTest
class OwnershipClaimsTest {

    /** Its SHA-256 is configured in the test profile as "bound-bot", an integrator bound to two projects. */
    static final String BOUND_KEY = "test-bound-key";

    private static JsonObject forwardedClaims(String apiKey) {
        String forwarded = api().header("X-API-Key", apiKey).when().get("/api/v1/tasks/t1")
                .then().statusCode(200).body("owner", equalTo("project-service"))
                .extract().path("headers.authorization");
        return claims(forwarded.substring("Bearer ".length()));
    }

    @Test
    void aBoundApiKeysTokenNamesItsProjects() {
        JsonObject claims = forwardedClaims(BOUND_KEY);
        assertEquals("bound-bot", claims.getString("sub"));
        assertEquals(List.of("11111111-1111-1111-1111-111111111111", "22222222-2222-2222-2222-222222222222"),
                claims.getJsonArray("projects").getList());
    }

    @Test
    void anUnboundApiKeysTokenNamesNoProjects() {
        JsonObject claims = forwardedClaims(EdgeSecurityTest.INTEGRATOR_KEY);
        assertEquals("jira-bot", claims.getString("sub"));
        assertFalse(claims.containsKey("projects"));
    }

    @Test
    void devTokensCarryTheSubjectsTeams() {
        String token = api().contentType("application/json")
                .body("{\"subject\": \"tom\", \"roles\": [\"member\"], \"teams\": [\"growth\", \"sales\"]}")
                .when().post("/api/v1/auth/dev-token").then().statusCode(200).extract().path("token");
        assertEquals(List.of("growth", "sales"), claims(token).getJsonArray("teams").getList());

        String withoutTeams = api().contentType("application/json")
                .body("{\"subject\": \"tom\", \"roles\": [\"member\"]}")
                .when().post("/api/v1/auth/dev-token").then().statusCode(200).extract().path("token");
        assertFalse(claims(withoutTeams).containsKey("teams"));

        api().contentType("application/json").body("{\"subject\": \"tom\", \"roles\": [\"member\"], \"teams\": [\"\"]}")
                .when().post("/api/v1/auth/dev-token").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("teams"));
    }
}

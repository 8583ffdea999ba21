package org.okrpm.gateway.security;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.okrpm.kit.testing.TestTokens.api;
import static org.okrpm.kit.testing.TestTokens.as;
import static org.okrpm.kit.testing.TestTokens.asViewer;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EdgeSecurityTest {

    /** Its SHA-256 is configured in the test profile as the API key "jira-bot" with the role integrator. */
    static final String INTEGRATOR_KEY = "test-integrator-key";

    @Test
    void noCredentialsIs401WithAChallenge() {
        api().when().get("/api/v1/objectives")
                .then().statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .contentType("application/problem+json")
                .body("type", equalTo("https://okrpm.org/problems/unauthorized"))
                .body("instance", equalTo("/api/v1/objectives"));
    }

    @Test
    void aBadTokenIs401() {
        api().auth().oauth2("not.a.jwt").when().get("/api/v1/cycles")
                .then().statusCode(401).header("WWW-Authenticate", "Bearer");
        String unsigned = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes())
                + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                        "{\"sub\":\"mallory\",\"groups\":[\"admin\"]}".getBytes()) + ".";
        api().auth().oauth2(unsigned).when().get("/api/v1/cycles")
                .then().statusCode(401);
        // the gateway's own endpoints are behind the same door
        api().auth().oauth2("not.a.jwt").when().get("/api/v1/stream")
                .then().statusCode(401);
    }

    @Test
    void aBadApiKeyIs401() {
        api().header("X-API-Key", "guess").when().get("/api/v1/tasks/t1")
                .then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void viewersOnlyRead() {
        asViewer().when().get("/api/v1/objectives").then().statusCode(200);
        asViewer().body("{}").when().post("/api/v1/objectives")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://okrpm.org/problems/forbidden"))
                .body("detail", equalTo("Requires role admin or member"));
        asViewer().when().delete("/api/v1/tasks/t1").then().statusCode(403)
                .body("detail", equalTo("Requires role admin, member or integrator"));
    }

    @Test
    void integratorsOnlyTouchIntegrationsAndTasks() {
        as("bot", "integrator").when().get("/api/v1/cycles").then().statusCode(403)
                .body("detail", equalTo("Requires role admin, member or viewer"));
        as("bot", "integrator").when().get("/api/v1/objectives/x/overview").then().statusCode(403);
        as("bot", "integrator").body("{}").when().patch("/api/v1/tasks/t1").then().statusCode(200);
        as("bot", "integrator").when().get("/api/v1/integrations").then().statusCode(200);
    }

    @Test
    void anApiKeyIsExchangedForAShortLivedTokenWithItsRoles() {
        String forwarded = api().header("X-API-Key", INTEGRATOR_KEY)
                .when().get("/api/v1/tasks/t1")
                .then().statusCode(200)
                .body("owner", equalTo("project-service"))
                .body("headers.x-api-key", nullValue())
                .body("headers.authorization", startsWith("Bearer "))
                .extract().path("headers.authorization");
        JsonObject claims = claims(forwarded.substring("Bearer ".length()));
        assertEquals("jira-bot", claims.getString("sub"));
        assertEquals(List.of("integrator"), claims.getJsonArray("groups").getList());
        assertEquals("https://okrpm.local", claims.getString("iss"));
        long lifetime = claims.getLong("exp") - claims.getLong("iat");
        assertTrue(lifetime > 0 && lifetime <= 300, "lifetime " + lifetime);

        // the key's roles apply at the edge: an integrator key cannot read cycles
        api().header("X-API-Key", INTEGRATOR_KEY).when().get("/api/v1/cycles").then().statusCode(403);
    }

    @Test
    void theWebhookReceiverNeedsNoCredentials() {
        api().header("X-Hub-Signature-256", "sha256=abc").contentType("application/json").body("{\"action\":\"closed\"}")
                .when().post("/api/v1/integrations/int-1/events")
                .then().statusCode(201)
                .body("owner", equalTo("project-service"))
                .body("headers.x-hub-signature-256", equalTo("sha256=abc"))
                .body("headers.authorization", nullValue());
        // but only that one: other integration paths need credentials
        api().contentType("application/json").body("{}").when().post("/api/v1/integrations")
                .then().statusCode(401);
    }

    @Test
    void devTokensWorkAndAreAccepted() {
        String token = api().contentType("application/json")
                .body("{\"subject\": \"alice\", \"roles\": [\"member\"]}")
                .when().post("/api/v1/auth/dev-token")
                .then().statusCode(200)
                .body("token", notNullValue())
                .body("expiresAt", notNullValue())
                .extract().path("token");
        JsonObject claims = claims(token);
        assertEquals("alice", claims.getString("sub"));
        assertTrue(Instant.ofEpochSecond(claims.getLong("exp")).isAfter(Instant.now().plusSeconds(3600)));

        api().auth().oauth2(token).contentType("application/json").body("{}")
                .when().post("/api/v1/check-ins")
                .then().statusCode(201)
                .body("headers.authorization", equalTo("Bearer " + token));
    }

    @Test
    void devTokenRequestsAreValidated() {
        api().contentType("application/json").body("{\"subject\": \"alice\", \"roles\": [\"root\"]}")
                .when().post("/api/v1/auth/dev-token")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("roles"));
        api().contentType("application/json").body("{\"roles\": [\"member\"]}")
                .when().post("/api/v1/auth/dev-token")
                .then().statusCode(400);
    }

    @Test
    void theLocalKeyPairWasCreatedAsPem() throws Exception {
        String privateKey = Files.readString(Path.of("target/test-keys/private.pem"), StandardCharsets.UTF_8);
        String publicKey = Files.readString(Path.of("target/test-keys/public.pem"), StandardCharsets.UTF_8);
        assertTrue(privateKey.startsWith("-----BEGIN PRIVATE KEY-----"));
        assertTrue(publicKey.startsWith("-----BEGIN PUBLIC KEY-----"));
    }

    static JsonObject claims(String jwt) {
        String payload = jwt.split("\\.")[1];
        return new JsonObject(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }
}

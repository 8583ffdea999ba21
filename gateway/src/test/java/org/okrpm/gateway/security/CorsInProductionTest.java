package org.okrpm.gateway.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The gateway as production configures it when QUARKUS_HTTP_CORS_ORIGINS is unset (as docker-compose.yml leaves it
 * without OKRPM_CORS_ORIGINS): no browser origin is allowed, not even the local development servers'.
 */
@QuarkusTest
@TestProfile(CorsInProductionTest.Production.class)
class CorsInProductionTest {

    /** The prod profile's configuration (none of the test profile's %test values). */
    public static class Production implements QuarkusTestProfile {
        @Override
        public String getConfigProfile() {
            return "prod";
        }

        /** Production does not start without a token verification key (the kit's ProductionSettings). */
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.jwt.verify.publickey.location", "file:target/test-keys/public.pem");
        }
    }

    @Test
    void noOriginIsAllowedUnlessConfigured() {
        for (String origin : List.of("http://localhost:3000", "http://localhost:5173", "https://app.example.com")) {
            given().header("Origin", origin).header("Access-Control-Request-Method", "GET")
                    .when().options("/api/v1/cycles")
                    .then().statusCode(403)
                    .header("Access-Control-Allow-Origin", nullValue());
            given().header("Origin", origin).when().get("/q/openapi")
                    .then().header("Access-Control-Allow-Origin", nullValue());
        }
    }
}

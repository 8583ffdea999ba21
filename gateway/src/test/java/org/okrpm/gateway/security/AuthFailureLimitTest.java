package org.okrpm.gateway.security;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.okrpm.kit.testing.TestTokens.api;
import static org.okrpm.kit.testing.TestTokens.token;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.okrpm.gateway.support.Metrics;

/**
 * A tiny limit: three failed authentications per address in 100 s. The gateway sits behind a proxy here
 * (forwarded addresses on), so each test client speaks from an address of its own via {@code X-Forwarded-For}.
 */
@QuarkusTest
@TestProfile(AuthFailureLimitTest.TinyLimit.class)
class AuthFailureLimitTest {

    public static class TinyLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("okrpm.gateway.auth-failures.limit", "3",
                    "okrpm.gateway.auth-failures.window", "100s",
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true");
        }
    }

    private static final String VERIFICATION_FAILED = "reason=\"token-verification-failed\"";

    private static RequestSpecification from(String address) {
        return api().header("X-Forwarded-For", address);
    }

    @Test
    void anAddressWithTooManyFailuresGets429BeforeAnyCheckAndOthersAreNotAffected() {
        String attacker = "203.0.113.7";
        // the three kinds of failure: a token signed by a foreign key, an expired one, an unknown API key
        from(attacker).auth().oauth2(ForeignTokens.token("mallory")).get("/api/v1/cycles").then().statusCode(401);
        from(attacker).auth().oauth2(ForeignTokens.expired("mallory")).get("/api/v1/cycles").then().statusCode(401);
        from(attacker).header("X-API-Key", "guessed").get("/api/v1/tasks/t1").then().statusCode(401);

        double verifiedBefore = Metrics.counter("okrpm_gateway_auth_failures_total", VERIFICATION_FAILED);
        String retryAfter = from(attacker).auth().oauth2(ForeignTokens.token("mallory-2")).get("/api/v1/cycles")
                .then().statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("https://okrpm.org/problems/rate-limited"))
                .body("status", equalTo(429))
                .extract().header("Retry-After");
        long seconds = Long.parseLong(retryAfter);
        assertTrue(seconds >= 1 && seconds <= 100, "Retry-After " + retryAfter);
        // refused before its signature was checked: no verification was spent on it
        assertEquals(verifiedBefore, Metrics.counter("okrpm_gateway_auth_failures_total", VERIFICATION_FAILED));
        // blocked is blocked, whatever the address sends now
        from(attacker).auth().oauth2(token("mallory", "member")).get("/api/v1/cycles").then().statusCode(429);

        // another address, and the direct connection, go on as before
        from("198.51.100.9").auth().oauth2(token("alice", "member")).get("/api/v1/cycles").then().statusCode(200);
        api().auth().oauth2(token("alice", "member")).get("/api/v1/cycles").then().statusCode(200);
    }

    @Test
    void successesAndRequestsWithoutCredentialsDoNotCount() {
        String busy = "192.0.2.44";
        for (int i = 0; i < 5; i++) {
            from(busy).auth().oauth2(token("bob", "member")).get("/api/v1/cycles").then().statusCode(200);
            from(busy).get("/api/v1/cycles").then().statusCode(401);
        }
        // two failures stay under the limit of three
        from(busy).auth().oauth2("not.a.jwt").get("/api/v1/cycles").then().statusCode(401);
        from(busy).auth().oauth2("not.a.jwt.either").get("/api/v1/cycles").then().statusCode(401);
        from(busy).auth().oauth2(token("bob", "member")).get("/api/v1/cycles").then().statusCode(200);
    }
}

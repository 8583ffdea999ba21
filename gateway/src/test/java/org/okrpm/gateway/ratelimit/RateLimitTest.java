package org.okrpm.gateway.ratelimit;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.okrpm.kit.testing.TestTokens.as;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A tiny limit: three requests, then one more every 100 s. */
@QuarkusTest
@TestProfile(RateLimitTest.TinyLimit.class)
class RateLimitTest {

    public static class TinyLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("okrpm.gateway.rate-limit.capacity", "3",
                    "okrpm.gateway.rate-limit.refill-per-second", "0.01");
        }
    }

    @Test
    void aClientOverItsLimitGets429WithRetryAfterAndOthersAreNotAffected() {
        for (int i = 0; i < 3; i++) {
            as("greedy", "member").when().get("/api/v1/cycles").then().statusCode(200);
        }
        String retryAfter = as("greedy", "member").when().get("/api/v1/cycles")
                .then().statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("https://okrpm.org/problems/rate-limited"))
                .body("status", equalTo(429))
                .extract().header("Retry-After");
        long seconds = Long.parseLong(retryAfter);
        assertTrue(seconds >= 1 && seconds <= 100, "Retry-After " + retryAfter);
        // the bucket belongs to the subject: someone else still gets through
        as("modest", "member").when().get("/api/v1/cycles").then().statusCode(200);
    }
}

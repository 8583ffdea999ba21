package org.okrpm.gateway.stream;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.okrpm.kit.testing.TestTokens.api;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.okrpm.kit.testing.TestTokens;

/** Small caps: two streams per caller, three in all. */
@QuarkusTest
@TestProfile(StreamLimitsTest.SmallCaps.class)
class StreamLimitsTest {

    public static class SmallCaps implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("okrpm.gateway.stream.max-per-caller", "2",
                    "okrpm.gateway.stream.max-total", "3");
        }
    }

    @TestHTTPResource("/api/v1/stream")
    URL stream;

    @Inject
    LiveStream liveStream;

    @Test
    void streamsAreCappedPerCallerAndInTotal() {
        String ann = TestTokens.token("ann", "viewer");
        SseClient first = open(ann);
        SseClient second = open(ann);

        String retryAfter = api().auth().oauth2(ann).get("/api/v1/stream")
                .then().statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("https://okrpm.org/problems/rate-limited"))
                .body("status", equalTo(429))
                .extract().header("Retry-After");
        assertTrue(Long.parseLong(retryAfter) >= 1, "Retry-After " + retryAfter);

        // another caller gets the last slot of the replica; then nobody gets one
        SseClient bob = open(TestTokens.token("bob", "viewer"));
        api().auth().oauth2(TestTokens.token("cid", "viewer")).get("/api/v1/stream")
                .then().statusCode(429).contentType("application/problem+json").header("Retry-After", equalTo("1"));
        assertEquals(3, liveStream.subscriberCount());

        // a stream that is closed gives its slot back
        first.hangUp();
        await().atMost(Duration.ofSeconds(10)).until(() -> liveStream.subscriberCount() == 2);
        SseClient again = open(ann);

        second.hangUp();
        bob.hangUp();
        again.hangUp();
        await().atMost(Duration.ofSeconds(10)).until(() -> liveStream.subscriberCount() == 0);
    }

    private SseClient open(String token) {
        SseClient client = new SseClient(URI.create(stream.toString()), token);
        await().atMost(Duration.ofSeconds(10)).until(() -> client.received(": connected"));
        assertEquals(200, client.status);
        return client;
    }
}

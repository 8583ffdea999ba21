package org.okrpm.gateway.stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** Streams live two seconds here: then the gateway ends them and the client reconnects. */
@QuarkusTest
@TestProfile(StreamLifetimeTest.ShortLife.class)
class StreamLifetimeTest {

    public static class ShortLife implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("okrpm.gateway.stream.max-lifetime", "2s",
                    "okrpm.gateway.stream.max-per-caller", "1");
        }
    }

    @TestHTTPResource("/api/v1/stream")
    URL stream;

    @Inject
    LiveStream liveStream;

    @Test
    void aStreamIsEndedAfterItsLifetimeAndItsSlotIsFreed() {
        String token = TestTokens.token("sleepy", "viewer");
        SseClient client = new SseClient(URI.create(stream.toString()), token);
        await().atMost(Duration.ofSeconds(10)).until(() -> client.received(": connected"));
        assertEquals(200, client.status);
        assertTrue(client.received("retry: 3000"), "the client is told how soon to reconnect");

        // ended by the gateway (the response completes), not left open
        await().atMost(Duration.ofSeconds(15)).until(() -> client.response.isDone());
        assertTrue(!client.response.isCompletedExceptionally(), "ended as a complete response, not reset");
        assertEquals(0, liveStream.subscriberCount());

        // its one slot is free again: the reconnect is accepted
        SseClient reconnected = new SseClient(URI.create(stream.toString()), token);
        await().atMost(Duration.ofSeconds(10)).until(() -> reconnected.received(": connected"));
        assertEquals(200, reconnected.status);
        await().atMost(Duration.ofSeconds(15)).until(() -> reconnected.response.isDone());
    }
}

package org.okrpm.gateway.stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;
import org.okrpm.kit.testing.TestEvents;
import org.okrpm.kit.testing.TestTokens;

@QuarkusTest
class ProgressStreamTest {

    @TestHTTPResource("/api/v1/stream")
    URL stream;

    @Inject
    ProgressStream progressStream;

    /** An SSE client that keeps every line it receives and can hang up. */
    static final class SseClient implements Flow.Subscriber<String> {
        final List<String> lines = new CopyOnWriteArrayList<>();
        final CompletableFuture<HttpResponse<Void>> response;
        volatile int status;
        volatile String contentType;
        private volatile Flow.Subscription subscription;

        SseClient(URI uri, String token) {
            HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                    .header("Accept", "text/event-stream").GET().build();
            response = HttpClient.newHttpClient().sendAsync(request, info -> {
                status = info.statusCode();
                contentType = info.headers().firstValue("Content-Type").orElse("");
                return HttpResponse.BodySubscribers.fromLineSubscriber(this);
            });
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            lines.add(line);
        }

        @Override
        public void onError(Throwable throwable) {
        }

        @Override
        public void onComplete() {
        }

        boolean received(String fragment) {
            return lines.stream().anyMatch(line -> line.contains(fragment));
        }

        void hangUp() {
            subscription.cancel();
        }
    }

    @Test
    void pushesProgressChangesFilteredByObjective() {
        String wanted = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        String cycle = UUID.randomUUID().toString();
        String keyResult = UUID.randomUUID().toString();
        int before = progressStream.subscriberCount();
        SseClient filtered = new SseClient(URI.create(stream + "?objectiveId=" + wanted), TestTokens.token("victor", "viewer"));
        SseClient byCycle = new SseClient(URI.create(stream + "?cycleId=" + cycle), TestTokens.token("victor", "viewer"));
        await().atMost(Duration.ofSeconds(10)).until(() -> filtered.received(": connected") && byCycle.received(": connected"));
        assertEquals(200, filtered.status);
        assertTrue(filtered.contentType.startsWith("text/event-stream"), filtered.contentType);
        assertEquals(before + 2, progressStream.subscriberCount());

        // the consumer reads from the latest offset once it has its partitions: publish until the event gets through.
        // Same key, same partition: the other objective's event always comes before the wanted one.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            TestEvents.publish("okr.key-results", keyResult, "okr.key-result.updated",
                    snapshot(keyResult, wanted, cycle, 0.9).encode());
            TestEvents.publish("okr.key-results", keyResult, "okr.key-result.progress-changed",
                    snapshot(keyResult, other, "another-cycle", 0.1).encode());
            TestEvents.publish("okr.key-results", keyResult, "okr.key-result.progress-changed",
                    snapshot(keyResult, wanted, cycle, 0.5).encode());
            return filtered.received("\"progress\":0.5");
        });
        assertTrue(filtered.received("event: key-result.progress-changed"));
        assertFalse(filtered.received(other), "an event of another objective reached a filtered client");
        assertFalse(filtered.received("\"progress\":0.9"), "an update that is not a progress change was pushed");
        String data = filtered.lines.stream().filter(line -> line.startsWith("data: ")).findFirst().orElseThrow();
        JsonObject snapshot = new JsonObject(data.substring("data: ".length()));
        assertEquals(keyResult, snapshot.getString("id"));
        assertEquals(wanted, snapshot.getString("objectiveId"));

        // objective progress goes to the same streams, and cycle filters work too. The broker creates no topics
        // (okr-service creates okr.objectives), so the first publish may create it: publish until it gets through.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            TestEvents.publish("okr.objectives", wanted, "okr.objective.progress-changed", new JsonObject()
                    .put("id", wanted).put("cycleId", cycle).put("progress", 0.25).put("version", 4).encode());
            return filtered.received("event: objective.progress-changed")
                    && byCycle.received("event: objective.progress-changed");
        });
        assertTrue(byCycle.received("\"progress\":0.5"));
        assertFalse(byCycle.received("another-cycle"));

        // heartbeats keep the stream alive (every second in the test profile)
        await().atMost(Duration.ofSeconds(5)).until(() -> filtered.received(": heartbeat"));

        // clients that hang up are cleaned up
        filtered.hangUp();
        byCycle.hangUp();
        await().atMost(Duration.ofSeconds(10)).until(() -> progressStream.subscriberCount() == before);
    }

    private static JsonObject snapshot(String id, String objectiveId, String cycleId, double progress) {
        return new JsonObject().put("id", id).put("objectiveId", objectiveId).put("cycleId", cycleId)
                .put("progressSource", "TASKS").put("currentValue", progress).put("progress", progress).put("version", 2);
    }
}

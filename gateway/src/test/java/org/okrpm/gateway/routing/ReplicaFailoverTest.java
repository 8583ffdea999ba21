package org.okrpm.gateway.routing;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.okrpm.kit.testing.TestTokens.asMember;
import static org.okrpm.kit.testing.TestTokens.token;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.okrpm.gateway.support.TwoReplicas;

/** project-service has two replicas behind the gateway ({@link TwoReplicas}); one stops and starts again. */
@QuarkusTest
@WithTestResource(value = TwoReplicas.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class ReplicaFailoverTest {

    @Inject
    MeterRegistry registry;

    private static final int READERS = 4;
    private static final int GETS_PER_READER = 40;

    @Test
    void aReplicaStoppingInTheMiddleOfAStreamOfGetsCostsNoClientErrorAndComesBackWhenStarted() throws Exception {
        JsonObject before = TwoReplicas.served();
        String token = token("stream-reader", "member");
        // HTTP/1.1, as REST Assured and browsers speak to an http:// address; the JDK client would otherwise upgrade
        // to h2c, which is not what this test is about
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<String> errors = new CopyOnWriteArrayList<>();
        AtomicInteger answered = new AtomicInteger();
        ExecutorService readers = Executors.newFixedThreadPool(READERS);
        try {
            List<CompletableFuture<Void>> streams = new ArrayList<>();
            for (int r = 0; r < READERS; r++) {
                int reader = r;
                streams.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < GETS_PER_READER; i++) {
                        String outcome = get(http, token, "/api/v1/projects/p-" + reader + "-" + i);
                        if (!outcome.equals("200")) {
                            errors.add(outcome);
                        }
                        if (answered.incrementAndGet() == READERS * GETS_PER_READER / 3) {
                            TwoReplicas.stop("b"); // while the other readers' GETs are in flight
                        }
                    }
                }, readers));
            }
            CompletableFuture.allOf(streams.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } finally {
            readers.shutdownNow();
        }
        JsonObject after = TwoReplicas.served();
        assertEquals(List.of(), errors, "answers other than 200 while replica b stopped");
        assertTrue(after.getInteger("a") > before.getInteger("a"), "replica a served GETs: " + before + " → " + after);
        assertTrue(after.getInteger("b") > before.getInteger("b"), "replica b served GETs: " + before + " → " + after);

        // b refuses connections now: a write without Idempotency-Key was never sent there, so it goes to a. Once b's
        // breaker lets a trial call through (after 1 s), a POST meets the refusal and is sent to a instead.
        double retriesBefore = retries();
        AtomicInteger posts = new AtomicInteger();
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() -> {
            asMember().body("{\"name\": \"while b is down " + posts.incrementAndGet() + "\"}")
                    .when().post("/api/v1/projects")
                    .then().statusCode(201)
                    .body("replica", equalTo("a"));
            return retries() > retriesBefore;
        });

        startBAndAwaitItServing();
    }

    /** Whatever a test did (or failed to do), the next one starts with both replicas serving. */
    @AfterEach
    void bothReplicasServe() {
        startBAndAwaitItServing();
    }

    private static void startBAndAwaitItServing() {
        TwoReplicas.start("b");
        int servedByB = TwoReplicas.served().getInteger("b");
        // its breaker lets a trial call through after 1 s (this test's open-for), then b is in the rotation again
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() -> {
            asMember().when().get("/api/v1/projects").then().statusCode(200);
            return TwoReplicas.served().getInteger("b") > servedByB;
        });
    }

    @Test
    void aPostWithoutIdempotencyKeyIsNotSentAgainAfterTheConnectionBroke() {
        String path = "/api/v1/projects/" + UUID.randomUUID() + "/flaky";
        asMember().body("{\"name\": \"only once\"}")
                .when().post(path)
                .then().statusCode(502)
                .contentType("application/problem+json")
                .body("detail", containsString("project-service"));
        JsonObject hits = TwoReplicas.hits(path);
        assertEquals(1, hits.getInteger("a") + hits.getInteger("b"), "replicas that received the POST: " + hits);
    }

    @Test
    void aPostWithIdempotencyKeyIsSentAgainWithItsBodyToTheOtherReplica() {
        String path = "/api/v1/projects/" + UUID.randomUUID() + "/flaky";
        String body = "{\"name\": \"safe to repeat\"}";
        asMember().header(Retries.IDEMPOTENCY_KEY, UUID.randomUUID().toString()).body(body)
                .when().post(path)
                .then().statusCode(201)
                .body("method", equalTo("POST"))
                .body("body", equalTo(body))
                .body("bodyLength", equalTo(body.length()));
        JsonObject hits = TwoReplicas.hits(path);
        assertEquals(new JsonObject().put("a", 1).put("b", 1), hits, "one attempt on each replica");
    }

    @Test
    void aGetIsSentAgainToTheOtherReplicaAfterTheConnectionBroke() {
        String path = "/api/v1/projects/" + UUID.randomUUID() + "/flaky";
        asMember().when().get(path).then().statusCode(200).body("path", equalTo(path));
        assertEquals(new JsonObject().put("a", 1).put("b", 1), TwoReplicas.hits(path), "one attempt on each replica");
    }

    private double retries() {
        Counter counter = registry.find(Upstreams.RETRIES).tag("owner", "project-service").counter();
        return counter == null ? 0 : counter.count();
    }

    private static String get(HttpClient http, String token, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).GET().build();
        try {
            return String.valueOf(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (Exception e) {
            return e.toString();
        }
    }
}

package org.okrpm.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import com.sun.net.httpserver.HttpServer;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A signed webhook that is still being retried when okr-service restarts is delivered after the restart. */
class WebhookRestartTest {

    private static HttpServer receiver;
    private static final AtomicInteger answer = new AtomicInteger(500);
    private static final List<String> signatures = new CopyOnWriteArrayList<>();
    private static String token;

    @BeforeAll
    static void start() throws IOException {
        Stack.get();
        token = Stack.token("wendy", "member");
        receiver = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        receiver.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            signatures.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-Signature-256")));
            exchange.sendResponseHeaders(answer.get(), -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stop() {
        receiver.stop(0);
    }

    private static RequestSpecification member() {
        return Stack.api().auth().oauth2(token).contentType("application/json");
    }

    @Test
    void aDeliveryBeingRetriedSurvivesARestart() {
        String cycleId = member().body(Map.of("name", "hooks-" + UUID.randomUUID(), "startDate", "2026-10-01",
                "endDate", "2026-12-31")).post("/api/v1/cycles").then().statusCode(201).extract().path("id");
        String objectiveId = member().body(Map.of("cycleId", cycleId, "title", "Hooked", "level", "TEAM"))
                .post("/api/v1/objectives").then().statusCode(201).extract().path("id");
        String kr = member().body(Map.of("title", "KR", "metricType", "NUMBER", "startValue", 0, "targetValue", 10))
                .post("/api/v1/objectives/" + objectiveId + "/key-results").then().statusCode(201).extract().path("id");
        String webhook = member().body(Map.of("url", "http://localhost:" + receiver.getAddress().getPort() + "/hook",
                        "events", List.of("key-result.progress-changed"), "secret", "a-long-enough-secret"))
                .post("/api/v1/webhooks").then().statusCode(201).extract().path("id");

        member().body(Map.of("currentValue", 4)).patch("/api/v1/key-results/" + kr).then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> signatures.size() >= 2);

        Stack.get().service("okr-service").stop();
        answer.set(200);
        Stack.get().startService("okr-service");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                member().get("/api/v1/webhooks/" + webhook + "/deliveries").then().statusCode(200)
                        .body("items.status", hasItem("DELIVERED")));
        member().get("/api/v1/webhooks/" + webhook + "/deliveries").then()
                .body("items[0].attempts.size()", greaterThan(2));
        assertThat(signatures.get(signatures.size() - 1), startsWith("sha256="));
        assertThat(signatures.stream().distinct().count(), is(1L));
    }
}

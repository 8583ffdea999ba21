package org.okrpm.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a client meets at the gateway: auth and roles, error statuses, the live stream, the dashboard call. */
class FrontDoorTest {

    private static String member;

    @BeforeAll
    static void startStack() {
        Stack.get();
        member = Stack.token("mia", "member");
    }

    private static RequestSpecification asMember() {
        return Stack.api().auth().oauth2(member).contentType("application/json");
    }

    private static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status).contentType("application/problem+json").body("status", is(status))
                .body("title", notNullValue());
    }

    private static String cycleInExecution() {
        String id = asMember().body(Map.of("name", "door-" + UUID.randomUUID(), "startDate", "2026-10-01",
                "endDate", "2026-12-31")).post("/api/v1/cycles").then().statusCode(201).extract().path("id");
        asMember().body(Map.of("phase", "EXECUTION")).post("/api/v1/cycles/" + id + "/phase").then().statusCode(200);
        return id;
    }

    @Test
    void credentialsAndRolesAreCheckedAtTheDoor() {
        problem(Stack.api().get("/api/v1/cycles").then(), 401);
        problem(Stack.api().auth().oauth2("not-a-token").get("/api/v1/projects").then(), 401);
        String viewer = Stack.token("vic", "viewer");
        Stack.api().auth().oauth2(viewer).get("/api/v1/cycles").then().statusCode(200);
        problem(Stack.api().auth().oauth2(viewer).contentType("application/json").body(Map.of("name", "x"))
                .post("/api/v1/projects").then(), 403);
        problem(Stack.api().auth().oauth2(Stack.token("bot", "integrator")).get("/api/v1/cycles").then(), 403);
    }

    @Test
    void everyDocumentedErrorStatusIsAProblem() {
        problem(asMember().body("{\"name\": ").post("/api/v1/cycles").then(), 400);
        problem(asMember().queryParam("size", 500).get("/api/v1/objectives").then(), 400);
        problem(asMember().get("/api/v1/key-results/" + UUID.randomUUID()).then(), 404);
        problem(asMember().get("/api/v1/projects/not-a-uuid").then(), 404);
        String cycleId = cycleInExecution();
        problem(asMember().body(Map.of("phase", "PLANNING")).post("/api/v1/cycles/" + cycleId + "/phase").then(), 409);
        problem(asMember().header("If-Match", "\"99\"").body(Map.of("name", "stale"))
                .patch("/api/v1/cycles/" + cycleId).then(), 412);
        problem(asMember().body("{\"name\": \"" + "x".repeat(1_100_000) + "\"}").post("/api/v1/cycles").then(), 413);
        problem(asMember().contentType("text/plain").body("hello").post("/api/v1/cycles").then(), 415);
        String projectId = asMember().body(Map.of("name", "p")).post("/api/v1/projects").then().statusCode(201)
                .extract().path("id");
        problem(asMember().body(Map.of("title", "t", "keyResultId", UUID.randomUUID().toString()))
                .post("/api/v1/projects/" + projectId + "/tasks").then(), 422);
        String key = UUID.randomUUID().toString();
        asMember().header("Idempotency-Key", key).body(Map.of("name", "idem-" + key)).post("/api/v1/projects")
                .then().statusCode(201);
        problem(asMember().header("Idempotency-Key", key).body(Map.of("name", "other-" + key))
                .post("/api/v1/projects").then(), 422);
    }

    @Test
    void theStreamPushesProgressAsItHappens() throws Exception {
        String cycleId = cycleInExecution();
        String objectiveId = asMember().body(Map.of("cycleId", cycleId, "title", "Live", "level", "TEAM"))
                .post("/api/v1/objectives").then().statusCode(201).extract().path("id");
        String kr = asMember().body(Map.of("title", "Live KR", "metricType", "NUMBER", "startValue", 0,
                "targetValue", 10)).post("/api/v1/objectives/" + objectiveId + "/key-results")
                .then().statusCode(201).extract().path("id");

        List<String> lines = new CopyOnWriteArrayList<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create(Stack.gatewayUrl() + "/api/v1/stream?objectiveId=" + objectiveId))
                .header("Authorization", "Bearer " + member).header("Accept", "text/event-stream").GET().build();
        CompletableFuture<HttpResponse<Void>> stream = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(new LineCollector(lines)));
        // the subscription and the gateway's consumer start asynchronously: keep changing progress until the
        // stream shows a change (each attempt moves the value, so each one is a real progress change)
        AtomicInteger value = new AtomicInteger();
        try {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                asMember().body(Map.of("currentValue", value.incrementAndGet() % 10)).patch("/api/v1/key-results/" + kr)
                        .then().statusCode(200);
                assertThat(String.join("\n", lines), containsString("event: key-result.progress-changed"));
            });
            assertThat(String.join("\n", lines), containsString(kr));
        } finally {
            stream.cancel(true);
        }
    }

    @Test
    void theOverviewAnswersInOneCallAndDegradesWhenAnOwnerIsDown() {
        String cycleId = cycleInExecution();
        String objectiveId = asMember().body(Map.of("cycleId", cycleId, "title", "Dashboard", "level", "TEAM"))
                .post("/api/v1/objectives").then().statusCode(201).extract().path("id");
        String kr = asMember().body(Map.of("title", "KR", "metricType", "NUMBER", "startValue", 0, "targetValue", 10,
                "progressSource", "TASKS")).post("/api/v1/objectives/" + objectiveId + "/key-results")
                .then().statusCode(201).extract().path("id");
        asMember().body(Map.of("name", "Linked", "keyResultIds", List.of(kr))).post("/api/v1/projects")
                .then().statusCode(201);
        asMember().get("/api/v1/objectives/" + objectiveId + "/overview").then().statusCode(200)
                .body("objective.id", is(objectiveId))
                .body("keyResults[0].keyResult.id", is(kr))
                .body("keyResults[0].projects.items.name", hasItem("Linked"))
                .body("keyResults[0].latestCheckIn.available", is(true));

        Stack.get().service("checkin-service").stop();
        try {
            asMember().get("/api/v1/objectives/" + objectiveId + "/overview").then().statusCode(200)
                    .body("objective.id", is(objectiveId))
                    .body("keyResults[0].projects.items.name", hasItem("Linked"))
                    .body("keyResults[0].latestCheckIn.available", is(false))
                    .body("unavailable", hasItem("checkin-service"));
            problem(asMember().get("/api/v1/check-ins").then(), 503).body("detail", containsString("checkin"));
        } finally {
            Stack.get().startService("checkin-service");
        }
    }

    @Test
    void healthAndMetricsAreOnTheManagementPortsNotBehindTheGateway() {
        problem(Stack.api().get("/q/health/ready").then(), 404);
        problem(Stack.api().get("/q/metrics").then(), 404);
        String gatewayManagement = Stack.get().service("gateway").managementUrl();
        RestAssured.given().baseUri(gatewayManagement).get("/q/health/ready").then().statusCode(200)
                .body("status", is("UP"));
        RestAssured.given().baseUri(gatewayManagement).get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"));
        for (String owner : List.of("okr-service", "project-service", "checkin-service")) {
            RestAssured.given().baseUri(Stack.get().service(owner).managementUrl())
                    .get("/q/health/live").then().statusCode(200).body("status", is("UP"));
        }
    }

    @Test
    void mergedOpenApiNeedsNoToken() {
        Stack.api().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.keySet()", hasItem("/api/v1/cycles"))
                .body("paths.keySet()", hasItem("/api/v1/projects"))
                .body("paths.keySet()", hasItem("/api/v1/check-ins"))
                .body("openapi", startsWith("3"));
    }

    /**
     * A client generated from the merged document gets one function per operation, named by its operationId; the
     * services' own paths that the gateway does not route (each one's dead-letter admin) are not in it.
     */
    @Test
    void mergedOpenApiNamesEveryOperationOnceAndOnlyRoutedPaths() {
        Map<String, Map<String, Object>> paths = Stack.api().accept("application/json")
                .get("/q/openapi").then().statusCode(200).extract().jsonPath().getMap("paths");
        Map<String, String> operations = new HashMap<>();
        paths.forEach((path, methods) -> methods.forEach((method, value) -> {
            if (!(value instanceof Map<?, ?> operation) || operation.get("responses") == null) {
                return; // path-level parameters, not an operation
            }
            String where = method.toUpperCase(Locale.ROOT) + " " + path;
            Object id = operation.get("operationId");
            assertThat(where + " has an operationId", id, notNullValue());
            String other = operations.putIfAbsent((String) id, where);
            assertThat("operationId " + id + " of " + where + " is also " + other + "'s", other, nullValue());
        }));
        assertThat(operations.keySet(), hasItems("createCycle", "createProject", "recordCheckIn",
                "getObjectiveOverview", "streamProgress"));
        assertThat(paths.keySet(), everyItem(not(startsWith("/api/v1/admin/"))));
    }

    /** Collects the lines of a server-sent event stream. */
    private record LineCollector(List<String> lines) implements java.util.concurrent.Flow.Subscriber<String> {
        @Override
        public void onSubscribe(java.util.concurrent.Flow.Subscription subscription) {
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
    }
}

package org.okrpm.gateway.routing;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.okrpm.kit.testing.TestTokens.as;
import static org.okrpm.kit.testing.TestTokens.asMember;
import static org.okrpm.kit.testing.TestTokens.token;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.okrpm.gateway.support.OwnerStubs;
import org.okrpm.gateway.support.StubOwner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.okrpm.kit.testing.Management;

@QuarkusTest
class RoutingTest {

    @ParameterizedTest
    @CsvSource({
            "cycles, okr-service", "objectives, okr-service", "key-results, okr-service", "webhooks, okr-service",
            "projects, project-service", "tasks, project-service", "integrations, project-service",
            "check-ins, checkin-service", "reviews, checkin-service", "retrospectives, checkin-service"})
    void everySegmentGoesToItsOwner(String segment, String owner) {
        asMember().queryParam("page", 1).queryParam("size", 5)
                .when().get("/api/v1/" + segment + "/some-id/sub")
                .then().statusCode(200)
                .body("owner", equalTo(owner))
                .body("path", equalTo("/api/v1/" + segment + "/some-id/sub"))
                .body("query", equalTo("page=1&size=5"));
    }

    @Test
    void passesTheCallersHeadersOn() {
        String token = token("alice", "member");
        RestAssured.given().auth().oauth2(token)
                .header("X-Request-Id", "req-123")
                .header("Idempotency-Key", "idem-42")
                .header("If-Match", "\"3\"")
                .contentType("application/json")
                .body("{\"name\": \"2026-Q4\"}")
                .when().post("/api/v1/cycles")
                .then().statusCode(201)
                .header("Location", "/api/v1/cycles/new-id")
                .header("X-Request-Id", "req-123")
                .body("method", equalTo("POST"))
                .body("headers.authorization", equalTo("Bearer " + token))
                .body("headers.x-request-id", equalTo("req-123"))
                .body("headers.idempotency-key", equalTo("idem-42"))
                .body("headers.if-match", equalTo("\"3\""))
                .body("headers.content-type", containsString("application/json"))
                .body("body", equalTo("{\"name\": \"2026-Q4\"}"));
    }

    @Test
    void generatesARequestIdWhenAbsentAndSendsTheSameOneUpstream() {
        Response response = asMember().when().get("/api/v1/projects");
        String requestId = response.header("X-Request-Id");
        response.then().statusCode(200)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"))
                .body("headers.x-request-id", equalTo(requestId));
        // exactly one X-Request-Id on the answer, although the owner sends its own copy too
        assertEquals(1, response.headers().getList("X-Request-Id").size());
    }

    @Test
    void aLocationNamingTheOwnerPointsAtTheGatewayInstead() {
        asMember().body("{\"url\": \"https://hooks.example/okr\"}").when().post("/api/v1/webhooks")
                .then().statusCode(201)
                .header("Location", equalTo("/api/v1/webhooks/" + OwnerStubs.CREATED_WEBHOOK_ID + "?view=full"));
    }

    @Test
    void keepsTheOwnersStatusHeadersAndProblemBody() {
        asMember().when().get("/api/v1/reviews/missing")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .header("X-Owner-Trace", "checkin-service")
                .header("ETag", "\"7\"")
                .body("type", equalTo("https://okrpm.org/problems/not-found"))
                .body("detail", equalTo("checkin-service has no such thing"))
                .body("instance", equalTo("/api/v1/reviews/missing"));
    }

    @Test
    void streamsLargeBodiesThrough() {
        char[] big = new char[900 * 1024];
        Arrays.fill(big, 'x');
        asMember().body("{\"blob\": \"" + new String(big) + "\"}")
                .when().post("/api/v1/tasks/t1/attachments")
                .then().statusCode(201)
                .body("bodyLength", equalTo(900 * 1024 + 12));
    }

    @Test
    void refusesBodiesOverOneMebibyte() {
        char[] big = new char[1024 * 1024 + 1];
        Arrays.fill(big, 'x');
        asMember().body(new String(big))
                .when().post("/api/v1/tasks")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("status", is(413));
    }

    @Test
    void aBrokenAnswerIsA502NamingTheOwner() {
        asMember().when().get("/api/v1/projects/broken")
                .then().statusCode(502)
                .contentType("application/problem+json")
                .body("type", equalTo("https://okrpm.org/problems/bad-gateway"))
                .body("detail", containsString("project-service"))
                .body("instance", equalTo("/api/v1/projects/broken"));
    }

    @Test
    void aSlowOwnerIsA504NamingTheOwner() {
        asMember().when().get("/api/v1/key-results/slow")
                .then().statusCode(504)
                .contentType("application/problem+json")
                .body("type", equalTo("https://okrpm.org/problems/gateway-timeout"))
                .body("detail", containsString("okr-service"));
    }

    @Test
    void callersHangingUpDoNotOpenTheOwnersCircuitBreaker() throws Exception {
        String request = "GET /api/v1/retrospectives/slow HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + token("alice", "member") + "\r\n\r\n";
        // more hang-ups than the breaker's threshold (5) of consecutive failures
        for (int i = 0; i < 6; i++) {
            int received = StubOwner.slowRequestsReceived();
            try (Socket client = new Socket("localhost", RestAssured.port)) {
                client.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
                await().atMost(Duration.ofSeconds(5)).until(() -> StubOwner.slowRequestsReceived() > received);
            }
        }
        asMember().when().get("/api/v1/check-ins/some-id")
                .then().statusCode(200)
                .body("owner", equalTo("checkin-service"));
    }

    @Test
    void metricsNameProxiedPathsByTemplateNotById() {
        asMember().when().get("/api/v1/tasks/3f1c0b7e-aaaa-4000-8000-000000000001").then().statusCode(200);
        asMember().when().get("/api/v1/tasks/3f1c0b7e-bbbb-4000-8000-000000000002/comments").then().statusCode(200);
        String metrics = Management.api().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith("http_server_requests_seconds_count"))
                .collect(java.util.stream.Collectors.joining("\n"));
        assertTrue(metrics.contains("uri=\"/api/v1/tasks/{id}\""), metrics);
        assertTrue(metrics.contains("uri=\"/api/v1/tasks/{id}/comments\""), metrics);
        assertFalse(metrics.contains("3f1c0b7e-"), metrics);
    }

    @Test
    void corsPreflightIsAnsweredForConfiguredOrigins() {
        RestAssured.given()
                .header("Origin", "https://app.example.com")
                .header("Access-Control-Request-Method", "PATCH")
                .header("Access-Control-Request-Headers", "Authorization, Content-Type, Idempotency-Key")
                .when().options("/api/v1/objectives/some-id")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://app.example.com")
                .header("Access-Control-Allow-Methods", containsString("PATCH"))
                .header("Access-Control-Allow-Headers", containsString("Idempotency-Key"));
    }

    @Test
    void corsHeadersAreOnRealAnswersAndNotForOtherOrigins() {
        asMember().header("Origin", "https://app.example.com")
                .when().get("/api/v1/cycles")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://app.example.com");
        asMember().header("Origin", "https://evil.example.com")
                .when().get("/api/v1/cycles")
                .then().header("Access-Control-Allow-Origin", not(equalTo("https://evil.example.com")));
    }

    @Test
    void unknownPathsAreProblems() {
        as("ada", "admin").when().get("/api/v1/nothing-here")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }
}

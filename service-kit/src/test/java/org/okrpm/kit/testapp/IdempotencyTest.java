package org.okrpm.kit.testapp;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.okrpm.kit.events.OutboxEvent;
import org.okrpm.kit.idempotency.IdempotencyInterceptor;

/** {@code @Idempotent} POSTs on the test application's widget resource. */
@QuarkusTest
class IdempotencyTest {

    private static Response post(String key, String body) {
        var request = given().contentType("application/json").body(body);
        if (key != null) {
            request = request.header(IdempotencyInterceptor.HEADER, key);
        }
        return request.post("/kit-test/widgets");
    }

    private static long widgetsNamed(String name) {
        return QuarkusTransaction.requiringNew().call(() -> Widget.count("name", name));
    }

    @Test
    void theSameKeyAndBodyReplaysTheFirstResponseAndCreatesNothingAgain() {
        String key = UUID.randomUUID().toString();
        String name = "widget " + key;
        String body = "{\"name\": \"" + name + "\"}";

        Response first = post(key, body);
        first.then().statusCode(201).header(IdempotencyInterceptor.REPLAYED_HEADER, nullValue());
        String id = first.path("id");
        first.then().header("Location", endsWith("/kit-test/widgets/" + id));

        // whitespace and member order do not matter: the body is compared after parsing
        Response replay = post(key, "{ \"name\" :\"" + name + "\" }");
        replay.then().statusCode(201)
                .header(IdempotencyInterceptor.REPLAYED_HEADER, "true")
                .header("Location", endsWith("/kit-test/widgets/" + id))
                .body("id", equalTo(id))
                .body("name", equalTo(name));

        assertEquals(1, widgetsNamed(name));
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("eventKey", id)),
                "the replay published nothing either");
    }

    @Test
    void theSameKeyWithAnotherBodyIs422() {
        String key = UUID.randomUUID().toString();
        String name = "widget " + key;

        post(key, "{\"name\": \"" + name + "\"}").then().statusCode(201);
        post(key, "{\"name\": \"" + name + " changed\"}").then().statusCode(422);

        assertEquals(1, widgetsNamed(name));
        assertEquals(0, widgetsNamed(name + " changed"));
    }

    @Test
    void anotherKeyOrNoKeyIsANewRequest() {
        String name = "widget " + UUID.randomUUID();
        String body = "{\"name\": \"" + name + "\"}";

        String first = post(UUID.randomUUID().toString(), body).then().statusCode(201).extract().path("id");
        String second = post(UUID.randomUUID().toString(), body).then().statusCode(201)
                .header(IdempotencyInterceptor.REPLAYED_HEADER, nullValue()).extract().path("id");
        post(null, body).then().statusCode(201);

        assertEquals(3, widgetsNamed(name));
        org.junit.jupiter.api.Assertions.assertNotEquals(first, second);
    }

    @Test
    void aFailedRequestLeavesNoKeySoItMayBeRetried() {
        String key = UUID.randomUUID().toString();
        String name = "widget " + key;

        post(key, "{\"name\": \"\"}").then().statusCode(400);
        // the same key with a corrected body is a first request, not a 422
        post(key, "{\"name\": \"" + name + "\"}").then().statusCode(201)
                .header(IdempotencyInterceptor.REPLAYED_HEADER, nullValue());

        assertEquals(1, widgetsNamed(name));
    }
}

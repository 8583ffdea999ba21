package org.okrpm.checkin.http;

import static org.hamcrest.Matchers.is;
import static org.okrpm.kit.testing.ProblemAssertions.assertProblem;
import static org.okrpm.kit.testing.TestTokens.asMember;
import static org.okrpm.kit.testing.TestTokens.asViewer;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.okrpm.checkin.CheckinFixtures;
import org.okrpm.kit.testing.HostileInputContract;

/**
 * The kit's {@link HostileInputContract} on checkin-service's check-ins, plus its own numbers and dates: a
 * check-in value is bounded like every number (|x| < 10^12, 4 decimals), a review's date is a real date string.
 */
@QuarkusTest
class HostileInputTest extends HostileInputContract {

    @Inject
    CheckinFixtures fixtures;

    @Override
    protected String listPath() {
        return "/api/v1/check-ins";
    }

    @Override
    protected String createPath() {
        return "/api/v1/check-ins";
    }

    @Override
    protected Map<String, Object> validCreateBody() {
        return new HashMap<>(Map.of("keyResultId", fixtures.manualKeyResultInExecution().toString(), "value", 1,
                "comment", "on track"));
    }

    @Override
    protected String textField() {
        return "comment";
    }

    @Override
    protected int countCreatedFrom(Map<String, Object> body) {
        return asViewer().queryParam("keyResultId", body.get("keyResultId")).get("/api/v1/check-ins")
                .then().statusCode(200).extract().path("totalItems");
    }

    @Override
    protected String itemPathPrefix() {
        return "/api/v1/reviews/";
    }

    @Test
    void checkInValuesOutOfBoundsAreA400NamingTheValue() {
        String keyResultId = fixtures.manualKeyResultInExecution().toString();
        for (String value : List.of("1e15", "1e309", "-1e12", "9".repeat(400), "Infinity", "\"5\"", "true")) {
            assertProblem(asMember().body("{\"keyResultId\": \"" + keyResultId + "\", \"value\": " + value + "}")
                    .post("/api/v1/check-ins").then(), 400).body("errors[0].field", is("value"));
        }
        asViewer().queryParam("keyResultId", keyResultId).get("/api/v1/check-ins")
                .then().statusCode(200).body("totalItems", is(0));
    }

    @Test
    void reviewDatesAreStringsOfDatesFrom1900To9999() {
        for (Object heldOn : List.of("+999999999-12-31", "2026-11-20T10:00:00Z", 20_000, "0001-01-01")) {
            assertProblem(asMember().body(Map.of("type", "ONE_ON_ONE", "participants", List.of("a", "b"),
                    "heldOn", heldOn)).post("/api/v1/reviews").then(), 400).body("errors[0].field", is("heldOn"));
        }
    }
}

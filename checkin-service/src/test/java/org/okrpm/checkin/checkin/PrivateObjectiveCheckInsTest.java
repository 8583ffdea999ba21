package org.okrpm.checkin.checkin;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.is;
import static org.okrpm.kit.testing.TestTokens.as;
import static org.okrpm.kit.testing.TestTokens.asAdmin;
import static org.okrpm.kit.testing.TestTokens.asMemberOf;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.okrpm.checkin.CheckinFixtures;
import org.okrpm.checkin.okr.CyclePhase;
import org.okrpm.checkin.okr.ProgressSource;

/**
 * The check-ins of a PRIVATE objective's key results follow okr-service's rule for the objective: its owner,
 * creator, team and admins see them; for anyone else they do not exist.
 */
@QuarkusTest
class PrivateObjectiveCheckInsTest {

    @Inject
    CheckinFixtures fixtures;

    @Test
    void onlyTheObjectivesAudienceSeesItsCheckIns() {
        UUID cycle = fixtures.cycle(CyclePhase.EXECUTION);
        UUID secret = fixtures.keyResult(fixtures.privateObjective(cycle, "olga", "stealth"), ProgressSource.MANUAL);
        UUID open = fixtures.keyResult(fixtures.objective(cycle, "olga"), ProgressSource.MANUAL);
        String hidden = fixtures.checkInAgo(secret, "olga", Duration.ofDays(2)).toString();
        String shown = fixtures.checkInAgo(open, "olga", Duration.ofDays(1)).toString();

        as("mallory", "member").queryParam("cycleId", cycle).get("/api/v1/check-ins")
                .then().statusCode(200).body("items.id", contains(shown)).body("totalItems", is(1));
        as("mallory", "member").get("/api/v1/check-ins/" + hidden).then().statusCode(404);
        as("mallory", "member").body(Map.of("keyResultId", secret, "value", 5)).contentType("application/json")
                .post("/api/v1/check-ins").then().statusCode(422);

        for (RequestSpecification audience : List.of(as("olga", "member"), asMemberOf("tina", "stealth"), asAdmin())) {
            audience.queryParam("cycleId", cycle).get("/api/v1/check-ins")
                    .then().statusCode(200).body("items.id", containsInAnyOrder(shown, hidden));
        }
        asMemberOf("tina", "stealth").get("/api/v1/check-ins/" + hidden).then().statusCode(200);
    }
}

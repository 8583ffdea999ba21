package org.okrpm.gateway.overview;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.okrpm.gateway.support.OwnerStubs.BETA_KR;
import static org.okrpm.gateway.support.OwnerStubs.BETA_OBJECTIVE_ID;
import static org.okrpm.gateway.support.OwnerStubs.CYCLE_ID;
import static org.okrpm.gateway.support.OwnerStubs.KR_WITHOUT_PROJECT;
import static org.okrpm.gateway.support.OwnerStubs.KR_WITH_PROJECT;
import static org.okrpm.gateway.support.OwnerStubs.OBJECTIVE_ID;
import static org.okrpm.gateway.support.OwnerStubs.SHARED_PROJECT_ID;
import static org.okrpm.gateway.support.OwnerStubs.UNKNOWN_CYCLE_ID;
import static org.okrpm.kit.testing.TestTokens.as;
import static org.okrpm.kit.testing.TestTokens.asViewer;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CycleOverviewTest {

    private static final String PATH = "/api/v1/cycles/" + CYCLE_ID + "/overview";

    @Test
    void joinsEveryObjectiveOfTheCycleWithItsKeyResultsProjectsAndLatestCheckIns() {
        asViewer().when().get(PATH)
                .then().statusCode(200)
                .contentType("application/json")
                .body("cycle.id", equalTo(CYCLE_ID))
                .body("cycle.name", equalTo("2026-Q4"))
                .body("teamId", nullValue())
                .body("unavailable", empty())
                // okr-service gives one objective per page: both pages were read, in order
                .body("objectives.objective.id", contains(OBJECTIVE_ID, BETA_OBJECTIVE_ID))
                .body("objectives[0].objective.keyResults", nullValue())
                .body("objectives[0].keyResults.keyResult.id", contains(KR_WITH_PROJECT, KR_WITHOUT_PROJECT))
                .body("objectives[0].keyResults[0].projects.available", equalTo(true))
                .body("objectives[0].keyResults[0].projects.items.name", contains("Onboarding revamp", "Checkout"))
                .body("objectives[0].keyResults[0].projects.items.health.status", contains("AT_RISK", "ON_TRACK"))
                .body("objectives[0].keyResults[0].latestCheckIn.available", equalTo(true))
                .body("objectives[0].keyResults[0].latestCheckIn.checkIn.confidence", equalTo(0.8))
                .body("objectives[0].keyResults[0].latestCheckIn.checkIn.latestAsked", equalTo(true))
                .body("objectives[0].keyResults[1].projects.items", empty())
                .body("objectives[0].keyResults[1].latestCheckIn.available", equalTo(true))
                .body("objectives[0].keyResults[1].latestCheckIn.checkIn", nullValue())
                .body("objectives[1].keyResults.keyResult.id", contains(BETA_KR))
                .body("objectives[1].keyResults[0].projects.items.id", contains(SHARED_PROJECT_ID))
                .body("objectives[1].keyResults[0].latestCheckIn.checkIn.confidence", equalTo(0.4));
    }

    @Test
    void teamIdKeepsTheTeamsObjectives() {
        asViewer().queryParam("teamId", "beta").when().get(PATH)
                .then().statusCode(200)
                .body("teamId", equalTo("beta"))
                .body("objectives", hasSize(1))
                .body("objectives[0].objective.id", equalTo(BETA_OBJECTIVE_ID))
                .body("objectives[0].keyResults[0].keyResult.id", equalTo(BETA_KR))
                .body("objectives[0].keyResults[0].projects.items.id", contains(SHARED_PROJECT_ID));
        asViewer().queryParam("teamId", "gamma").when().get(PATH)
                .then().statusCode(200)
                .body("objectives", empty())
                .body("unavailable", empty());
    }

    @Test
    void anUnknownCycleIsTheOwnersProblem() {
        asViewer().when().get("/api/v1/cycles/" + UNKNOWN_CYCLE_ID + "/overview")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("Cycle " + UNKNOWN_CYCLE_ID + " does not exist"));
    }

    @Test
    void anUnknownParameterIsA400NamingIt() {
        asViewer().queryParam("team", "beta").when().get(PATH)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("team"));
    }

    @Test
    void readersMayIntegratorsMayNot() {
        as("reader", "member").when().get(PATH).then().statusCode(200);
        as("bot", "integrator").when().get(PATH).then().statusCode(403).contentType("application/problem+json");
    }
}

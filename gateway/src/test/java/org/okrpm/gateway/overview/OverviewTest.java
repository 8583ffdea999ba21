package org.okrpm.gateway.overview;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.okrpm.gateway.support.OwnerStubs.KR_WITHOUT_PROJECT;
import static org.okrpm.gateway.support.OwnerStubs.KR_WITH_PROJECT;
import static org.okrpm.gateway.support.OwnerStubs.OBJECTIVE_ID;
import static org.okrpm.gateway.support.OwnerStubs.UNKNOWN_OBJECTIVE_ID;
import static org.okrpm.kit.testing.TestTokens.asViewer;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OverviewTest {

    @Test
    void joinsTheObjectiveItsKeyResultsTheirProjectsAndLatestCheckIns() {
        asViewer().when().get("/api/v1/objectives/" + OBJECTIVE_ID + "/overview")
                .then().statusCode(200)
                .contentType("application/json")
                .body("objective.id", equalTo(OBJECTIVE_ID))
                .body("objective.title", equalTo("Delight users"))
                .body("objective.keyResults", nullValue())
                .body("unavailable", empty())
                .body("keyResults", hasSize(2))
                .body("keyResults[0].keyResult.id", equalTo(KR_WITH_PROJECT))
                .body("keyResults[0].projects.available", equalTo(true))
                .body("keyResults[0].projects.items", hasSize(1))
                .body("keyResults[0].projects.items[0].taskStats.done", equalTo(2))
                .body("keyResults[0].latestCheckIn.available", equalTo(true))
                .body("keyResults[0].latestCheckIn.checkIn.keyResultId", equalTo(KR_WITH_PROJECT))
                .body("keyResults[0].latestCheckIn.checkIn.sizeAsked", equalTo(true))
                .body("keyResults[1].keyResult.id", equalTo(KR_WITHOUT_PROJECT))
                .body("keyResults[1].projects.items", empty())
                .body("keyResults[1].latestCheckIn.checkIn.keyResultId", equalTo(KR_WITHOUT_PROJECT));
    }

    @Test
    void anUnknownObjectiveIsTheOwnersProblem() {
        asViewer().when().get("/api/v1/objectives/" + UNKNOWN_OBJECTIVE_ID + "/overview")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("Objective " + UNKNOWN_OBJECTIVE_ID + " does not exist"));
    }
}

package org.okrpm.gateway.overview;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.okrpm.gateway.support.OwnerStubs.CYCLE_ID;
import static org.okrpm.gateway.support.OwnerStubs.OBJECTIVE_ID;
import static org.okrpm.kit.testing.TestTokens.asViewer;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** project-service is down (nothing listens on its port): both overviews still answer, without its parts. */
@QuarkusTest
@TestProfile(CycleOverviewDegradedTest.ProjectDown.class)
class CycleOverviewDegradedTest {

    public static class ProjectDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("okrpm.gateway.upstream.project", "http://localhost:1");
        }
    }

    @Test
    void theCycleOverviewMarksTheProjectsUnavailableAndKeepsTheRest() {
        asViewer().when().get("/api/v1/cycles/" + CYCLE_ID + "/overview")
                .then().statusCode(200)
                .body("cycle.id", equalTo(CYCLE_ID))
                .body("unavailable", equalTo(List.of("project-service")))
                .body("objectives", hasSize(2))
                .body("objectives[0].objective.id", equalTo(OBJECTIVE_ID))
                .body("objectives.keyResults.flatten().projects.available", everyItem(equalTo(false)))
                .body("objectives[0].keyResults[0].projects.reason", containsString("project-service"))
                .body("objectives.keyResults.flatten().latestCheckIn.available", everyItem(equalTo(true)))
                .body("objectives[0].keyResults[0].latestCheckIn.checkIn.confidence", equalTo(0.8));
    }

    @Test
    void theObjectiveOverviewDoesToo() {
        asViewer().when().get("/api/v1/objectives/" + OBJECTIVE_ID + "/overview")
                .then().statusCode(200)
                .body("unavailable", equalTo(List.of("project-service")))
                .body("keyResults[0].projects.available", equalTo(false))
                .body("keyResults[0].latestCheckIn.available", equalTo(true));
    }
}

package org.okrpm.okr.summary;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.okrpm.kit.testing.TestTokens.as;
import static org.okrpm.kit.testing.TestTokens.asAdmin;
import static org.okrpm.kit.testing.TestTokens.asMember;
import static org.okrpm.kit.testing.TestTokens.asViewer;
import static org.okrpm.okr.OkrFixtures.keyResult;
import static org.okrpm.okr.OkrFixtures.setCurrentValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.okrpm.kit.testing.TestEvents;

/**
 * GET /cycles/{id}/summary: counts per status, means and unscored key results from okr-service's own data, and
 * the objectives without a retrospective from checkin-service's events, through the real broker.
 */
@QuarkusTest
class CycleSummaryTest {

    /** In the future, so that the pace asks for nothing yet: statuses follow progress alone. */
    private static String futureCycle() {
        return asMember().body(Map.of("name", "Q-" + UUID.randomUUID(), "startDate", "2100-01-01",
                "endDate", "2100-03-31")).post("/api/v1/cycles").then().statusCode(201).extract().path("id");
    }

    private static String objective(String cycleId, String title, String teamId, String visibility) {
        Map<String, Object> body = new HashMap<>(Map.of("cycleId", cycleId, "title", title, "level", "TEAM",
                "teamId", teamId, "visibility", visibility));
        return asMember().body(body).post("/api/v1/objectives").then().statusCode(201).extract().path("id");
    }

    private static void phase(String cycleId, String phase) {
        asMember().body(Map.of("phase", phase)).post("/api/v1/cycles/" + cycleId + "/phase").then().statusCode(200);
    }

    private static void score(String keyResultId, double score) {
        asMember().body(Map.of("score", score)).patch("/api/v1/key-results/" + keyResultId).then().statusCode(200);
    }

    /** What checkin-service publishes for a retrospective, keyed by its cycle; waits until okr-service applied it. */
    private static void retrospectiveWritten(String cycleId, String objectiveId, String teamId) {
        String json = "{\"id\":\"" + UUID.randomUUID() + "\",\"cycleId\":\"" + cycleId + "\",\"objectiveId\":"
                + (objectiveId == null ? "null" : "\"" + objectiveId + "\"") + ",\"teamId\":"
                + (teamId == null ? "null" : "\"" + teamId + "\"")
                + ",\"wentWell\":\"Weekly check-ins\",\"authorId\":\"erin\",\"version\":0}";
        TestEvents.awaitConsumed("okr-service",
                TestEvents.publish("checkin.retrospectives", cycleId, "checkin.retrospective.written", json));
    }

    @Test
    void countsMeansAndUnscoredKeyResults() {
        String cycle = futureCycle();
        String growth = objective(cycle, "Grow revenue", "team-a", "PUBLIC");
        String done = keyResult(growth, 0, 100);
        String half = keyResult(growth, 0, 100);
        String hiring = objective(cycle, "Hire", "team-b", "PUBLIC");
        String untouched = keyResult(hiring, 0, 10);
        objective(cycle, "Tidy up", "team-b", "PUBLIC");
        phase(cycle, "EXECUTION");
        setCurrentValue(done, 100);
        setCurrentValue(half, 50);
        phase(cycle, "RETROSPECTIVE");
        score(done, 1.0);
        score(half, 0.5);

        asViewer().get("/api/v1/cycles/" + cycle + "/summary").then().statusCode(200)
                .body("cycleId", is(cycle))
                .body("phase", is("RETROSPECTIVE"))
                .body("objectives.total", is(3))
                .body("objectives.byStatus", is(Map.of("NOT_STARTED", 2, "ON_TRACK", 1, "AT_RISK", 0,
                        "OFF_TRACK", 0, "DONE", 0)))
                .body("objectives.scored", is(1))
                .body("keyResults.total", is(3))
                .body("keyResults.byStatus", is(Map.of("NOT_STARTED", 1, "ON_TRACK", 1, "AT_RISK", 0,
                        "OFF_TRACK", 0, "DONE", 1)))
                .body("keyResults.scored", is(2))
                // (0.75 + 0 + 0) / 3, and the one scored objective's 0.75
                .body("meanProgress", is(0.25))
                .body("meanScore", is(0.75))
                .body("unscoredKeyResults.id", contains(untouched))
                .body("unscoredKeyResults[0].title", is("Revenue"))
                .body("unscoredKeyResults[0].objectiveId", is(hiring))
                .body("hiddenUnscoredKeyResults", is(0));
    }

    @Test
    void anEmptyCycleHasNoMeans() {
        asViewer().get("/api/v1/cycles/" + futureCycle() + "/summary").then().statusCode(200)
                .body("objectives.total", is(0)).body("objectives.byStatus.ON_TRACK", is(0))
                .body("meanProgress", nullValue()).body("meanScore", nullValue())
                .body("unscoredKeyResults", empty()).body("objectivesWithoutRetrospective", empty());
    }

    @Test
    void objectivesWithoutRetrospectiveFollowTheEventsOfCheckinService() {
        String cycle = futureCycle();
        String growth = objective(cycle, "Grow revenue", "team-a", "PUBLIC");
        String hiring = objective(cycle, "Hire", "team-b", "PUBLIC");
        String tidy = objective(cycle, "Tidy up", "team-b", "PUBLIC");
        asViewer().get("/api/v1/cycles/" + cycle + "/summary").then().statusCode(200)
                .body("objectivesWithoutRetrospective.id", contains(growth, hiring, tidy))
                .body("objectivesWithoutRetrospective[0].title", is("Grow revenue"))
                .body("objectivesWithoutRetrospective[0].teamId", is("team-a"));

        // team-b's whole-cycle retrospective covers both of its objectives
        retrospectiveWritten(cycle, null, "team-b");
        asViewer().get("/api/v1/cycles/" + cycle + "/summary").then()
                .body("objectivesWithoutRetrospective.id", contains(growth));
        // one of another cycle, or of another team, covers nothing here
        retrospectiveWritten(UUID.randomUUID().toString(), growth, null);
        retrospectiveWritten(cycle, null, "team-z");
        asViewer().get("/api/v1/cycles/" + cycle + "/summary").then()
                .body("objectivesWithoutRetrospective.id", contains(growth));
        // the objective's own
        retrospectiveWritten(cycle, growth, null);
        asViewer().get("/api/v1/cycles/" + cycle + "/summary").then()
                .body("objectivesWithoutRetrospective", empty()).body("hiddenObjectivesWithoutRetrospective", is(0));
    }

    @Test
    void privateObjectivesCountForEveryoneButAreListedOnlyForThoseWhoSeeThem() {
        String cycle = futureCycle();
        String open = objective(cycle, "Grow revenue", "team-a", "PUBLIC");
        String secret = objective(cycle, "Acquire a competitor", "team-x", "PRIVATE");
        String openKr = keyResult(open, 0, 10);
        String secretKr = keyResult(secret, 0, 10);

        asViewer().get("/api/v1/cycles/" + cycle + "/summary").then().statusCode(200)
                .body("objectives.total", is(2)).body("keyResults.total", is(2))
                .body("unscoredKeyResults.id", contains(openKr)).body("hiddenUnscoredKeyResults", is(1))
                .body("objectivesWithoutRetrospective.id", contains(open))
                .body("hiddenObjectivesWithoutRetrospective", is(1));
        for (var caller : new io.restassured.specification.RequestSpecification[] {
                asAdmin(), asMember(), as("xavier", Map.of("teams", java.util.List.of("team-x")), "viewer")}) {
            caller.get("/api/v1/cycles/" + cycle + "/summary").then().statusCode(200)
                    .body("unscoredKeyResults.id", containsInAnyOrder(openKr, secretKr))
                    .body("hiddenUnscoredKeyResults", is(0))
                    .body("objectivesWithoutRetrospective.id", containsInAnyOrder(open, secret))
                    .body("hiddenObjectivesWithoutRetrospective", is(0));
        }
    }

    @Test
    void anUnknownCycleIsNotFound() {
        asViewer().get("/api/v1/cycles/" + UUID.randomUUID() + "/summary").then().statusCode(404)
                .contentType("application/problem+json");
        as("ian", "integrator").get("/api/v1/cycles/" + UUID.randomUUID() + "/summary").then().statusCode(403);
    }
}

package org.okrpm.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A quarter from planning to closing, and a project from initiation to closure, as teams would run them. */
class OkrCycleJourneyTest {

    private static String token;

    @BeforeAll
    static void startStack() {
        Stack.get();
        token = Stack.token("olivia", "member");
    }

    private static RequestSpecification member() {
        return Stack.api().auth().oauth2(token).contentType("application/json");
    }

    private static void phase(String cycleId, String phase) {
        member().body(Map.of("phase", phase)).post("/api/v1/cycles/" + cycleId + "/phase")
                .then().statusCode(200).body("phase", is(phase));
    }

    @Test
    void aCycleFromPlanningToClosed() {
        String cycleId = member().body(Map.of("name", "journey-" + UUID.randomUUID(), "startDate", "2026-10-01",
                "endDate", "2026-12-31")).post("/api/v1/cycles").then().statusCode(201).extract().path("id");
        String company = member().body(Map.of("cycleId", cycleId, "title", "Grow", "level", "COMPANY"))
                .post("/api/v1/objectives").then().statusCode(201).extract().path("id");
        String team = member().body(Map.of("cycleId", cycleId, "title", "Sell more", "level", "TEAM",
                "parentId", company)).post("/api/v1/objectives").then().statusCode(201).extract().path("id");
        String kr = member().body(Map.of("title", "Deals closed", "metricType", "NUMBER", "startValue", 0,
                        "targetValue", 10)).post("/api/v1/objectives/" + team + "/key-results")
                .then().statusCode(201).extract().path("id");

        // planning: no check-ins yet
        member().body(Map.of("keyResultId", kr, "value", 1)).post("/api/v1/check-ins").then().statusCode(409);

        phase(cycleId, "EXECUTION");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                member().body(Map.of("keyResultId", kr, "value", 6, "confidence", 0.6, "comment", "good week"))
                        .post("/api/v1/check-ins").then().statusCode(201));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                member().get("/api/v1/objectives/" + company + "/alignment")
                        .then().body("children[0].progress", is(0.6)));
        member().body(Map.of("type", "TEAM_REVIEW", "teamId", "sales", "participants", List.of("olivia", "sam"),
                "objectiveIds", List.of(team), "notes", "on track", "heldOn", "2026-11-20"))
                .post("/api/v1/reviews").then().statusCode(201);

        phase(cycleId, "RETROSPECTIVE");
        member().body(Map.of("score", 0.6)).patch("/api/v1/key-results/" + kr).then().statusCode(200)
                .body("score", is(0.6));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                member().body(Map.of("cycleId", cycleId, "objectiveId", team, "wentWell", "pipeline",
                        "toImprove", "forecasting", "lessons", "qualify earlier"))
                        .post("/api/v1/retrospectives").then().statusCode(201));
        member().queryParam("cycleId", cycleId).get("/api/v1/retrospectives")
                .then().statusCode(200).body("items.objectiveId", hasItem(team));

        phase(cycleId, "CLOSED");
        member().body(Map.of("currentValue", 9)).patch("/api/v1/key-results/" + kr).then().statusCode(409)
                .contentType("application/problem+json");
        member().get("/api/v1/key-results/" + kr).then().body("currentValue", is(6)).body("score", is(0.6));
    }

    @Test
    void aProjectFromInitiationToClosure() {
        String projectId = member().body(Map.of("name", "Website relaunch", "businessCase", "More leads",
                        "startDate", "2026-10-01", "dueDate", "2026-12-15",
                        "budget", Map.of("amount", 10000, "currency", "EUR")))
                .post("/api/v1/projects").then().statusCode(201).body("stage", is("INITIATION"))
                .extract().path("id");
        member().body(Map.of("stage", "PLANNING")).post("/api/v1/projects/" + projectId + "/stage").then().statusCode(200);
        member().body(Map.of("stage", "EXECUTION")).post("/api/v1/projects/" + projectId + "/stage").then().statusCode(200);
        String task = member().body(Map.of("title", "Design")).post("/api/v1/projects/" + projectId + "/tasks")
                .then().statusCode(201).extract().path("id");
        member().body(Map.of("amount", 2500, "description", "agency", "incurredOn", "2026-11-01"))
                .post("/api/v1/projects/" + projectId + "/costs").then().statusCode(201);
        member().get("/api/v1/projects/" + projectId + "/health").then().statusCode(200).body("budgetUsed", is(0.25));

        member().body(Map.of("stage", "CLOSED")).post("/api/v1/projects/" + projectId + "/stage")
                .then().statusCode(409).contentType("application/problem+json").body("openTasks.id", hasItem(task));
        member().body(Map.of("status", "DONE")).patch("/api/v1/tasks/" + task).then().statusCode(200);
        member().body(Map.of("stage", "CLOSED")).post("/api/v1/projects/" + projectId + "/stage")
                .then().statusCode(200).body("stage", is("CLOSED"));
        member().body(Map.of("title", "late change")).patch("/api/v1/tasks/" + task).then().statusCode(409);
    }
}

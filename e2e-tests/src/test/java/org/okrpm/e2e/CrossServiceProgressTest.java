package org.okrpm.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Progress that follows work across services: tasks in project-service and check-ins in checkin-service
 * move key results in okr-service, through the real broker, each service in its own JVM with its own
 * database, everything reached through the gateway.
 */
class CrossServiceProgressTest {

    private static RequestSpecification member() {
        return Stack.member("alice");
    }

    private static String executingCycle() {
        String cycleId = member().body(Map.of("name", "e2e-" + UUID.randomUUID(), "startDate", "2026-10-01",
                "endDate", "2026-12-31")).post("/api/v1/cycles").then().statusCode(201).extract().path("id");
        member().body(Map.of("phase", "EXECUTION")).post("/api/v1/cycles/" + cycleId + "/phase").then().statusCode(200);
        return cycleId;
    }

    private static String objective(String cycleId) {
        return member().body(Map.of("cycleId", cycleId, "title", "Ship the product", "level", "TEAM"))
                .post("/api/v1/objectives").then().statusCode(201).extract().path("id");
    }

    private static String keyResult(String objectiveId, String source, Number start, Number target) {
        return member().body(Map.of("title", "KR", "metricType", "NUMBER", "startValue", start, "targetValue", target,
                        "progressSource", source))
                .post("/api/v1/objectives/" + objectiveId + "/key-results").then().statusCode(201).extract().path("id");
    }

    private static String project(String keyResultId) {
        return member().body(Map.of("name", "Launch", "keyResultIds", List.of(keyResultId)))
                .post("/api/v1/projects").then().statusCode(201).extract().path("id");
    }

    private static String task(String projectId, String keyResultId) {
        return member().body(Map.of("title", "Task " + UUID.randomUUID(), "keyResultId", keyResultId))
                .post("/api/v1/projects/" + projectId + "/tasks").then().statusCode(201).extract().path("id");
    }

    private static void patchTask(String taskId, Map<String, Object> patch) {
        member().body(patch).patch("/api/v1/tasks/" + taskId).then().statusCode(200);
    }

    static void awaitProgress(String keyResultId, double progress) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                member().get("/api/v1/key-results/" + keyResultId).then().statusCode(200).body("progress", is(progress)));
    }

    @Test
    void tasksMoveATasksKeyResult() {
        String objectiveId = objective(executingCycle());
        String kr = keyResult(objectiveId, "TASKS", 0, 100);
        String other = keyResult(objectiveId, "TASKS", 0, 100);
        String projectId = project(kr);
        String t1 = task(projectId, kr);
        String t2 = task(projectId, kr);
        task(projectId, kr);
        task(projectId, kr);

        patchTask(t1, Map.of("status", "DONE"));
        awaitProgress(kr, 0.25);
        patchTask(t2, Map.of("status", "CANCELLED"));
        awaitProgress(kr, 0.3333);
        patchTask(t1, Map.of("status", "TODO"));
        awaitProgress(kr, 0.0);
        patchTask(t1, Map.of("status", "DONE"));
        awaitProgress(kr, 0.3333);
        patchTask(t1, Map.of("keyResultId", other));
        awaitProgress(kr, 0.0);
        awaitProgress(other, 1.0);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                member().get("/api/v1/objectives/" + objectiveId).then().body("progress", is(0.5)));
    }

    @Test
    void checkInsMoveManualKeyResultsBothWays() {
        String objectiveId = objective(executingCycle());
        String up = keyResult(objectiveId, "MANUAL", 0, 100);
        String down = keyResult(objectiveId, "MANUAL", 100, 20);
        member().body(Map.of("keyResultId", up, "value", 40, "confidence", 0.7)).post("/api/v1/check-ins")
                .then().statusCode(201);
        member().body(Map.of("keyResultId", down, "value", 60, "confidence", 0.5)).post("/api/v1/check-ins")
                .then().statusCode(201);
        awaitProgress(up, 0.4);
        awaitProgress(down, 0.5);
        member().get("/api/v1/key-results/" + up + "/history").then().body("[-1].source", is("CHECKIN"));
    }

    @Test
    void okrServiceCatchesUpAfterBeingDown() {
        String objectiveId = objective(executingCycle());
        String kr = keyResult(objectiveId, "TASKS", 0, 100);
        String projectId = project(kr);
        String t1 = task(projectId, kr);
        String t2 = task(projectId, kr);
        task(projectId, kr);
        task(projectId, kr);
        Stack.get().service("okr-service").stop();
        try {
            patchTask(t1, Map.of("status", "DONE"));
            patchTask(t2, Map.of("status", "DONE"));
            patchTask(t2, Map.of("status", "IN_PROGRESS"));
            patchTask(t2, Map.of("status", "DONE"));
        } finally {
            Stack.get().startService("okr-service");
        }
        awaitProgress(kr, 0.5);
        member().get("/api/v1/key-results/" + kr + "/history").then()
                .body("[-1].progress", is(0.5)).body("[-1].source", is("TASKS"));
    }
}

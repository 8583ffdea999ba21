package org.okrpm.okr.keyresult;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.okrpm.kit.testing.TestTokens.asMember;
import static org.okrpm.kit.testing.TestTokens.asViewer;
import static org.okrpm.okr.OkrFixtures.cycle;
import static org.okrpm.okr.OkrFixtures.keyResult;
import static org.okrpm.okr.OkrFixtures.objective;
import static org.okrpm.okr.OkrFixtures.setCurrentValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class KeyResultResourceTest {

    @Test
    void createdKeyResultStartsAtItsStartValue() {
        String cycleId = cycle();
        String objectiveId = objective(cycleId);
        asMember()
                .body(Map.of("title", "MRR", "metricType", "CURRENCY", "unit", "EUR",
                        "startValue", 100000, "targetValue", 130000))
                .post("/api/v1/objectives/" + objectiveId + "/key-results")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/key-results/"))
                .body("objectiveId", is(objectiveId))
                .body("cycleId", is(cycleId))
                .body("currentValue", is(100000))
                .body("progress", is(0.0))
                .body("confidence", nullValue())
                .body("score", nullValue())
                .body("weight", is(1.0))
                .body("progressSource", is("MANUAL"))
                .body("version", is(0));
    }

    @Test
    void targetEqualToStartIsA400() {
        asMember().body(Map.of("title", "flat", "metricType", "NUMBER", "startValue", 5, "targetValue", 5))
                .post("/api/v1/objectives/" + objective(cycle()) + "/key-results")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("targetValue"))
                .body("errors[0].message", is("must not equal startValue"));
    }

    @Test
    void weightMustBePositive() {
        asMember().body(Map.of("title", "w", "metricType", "NUMBER", "startValue", 0, "targetValue", 5, "weight", 0))
                .post("/api/v1/objectives/" + objective(cycle()) + "/key-results")
                .then().statusCode(400).body("errors[0].field", is("weight"));
    }

    @Test
    void unknownObjectiveIsA404() {
        asMember().body(Map.of("title", "t", "metricType", "BOOLEAN"))
                .post("/api/v1/objectives/" + UUID.randomUUID() + "/key-results")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void booleanRunsFromZeroToOne() {
        String kr = asMember().body(Map.of("title", "Launch", "metricType", "BOOLEAN"))
                .post("/api/v1/objectives/" + objective(cycle()) + "/key-results")
                .then().statusCode(201).body("startValue", is(0)).body("targetValue", is(1))
                .extract().path("id");
        setCurrentValue(kr, 1);
        asViewer().get("/api/v1/key-results/" + kr).then().body("progress", is(1.0));
    }

    @Test
    void manualProgressFollowsTheCurrentValue() {
        String objectiveId = objective(cycle());
        String increasing = keyResult(objectiveId, 0, 100);
        String decreasing = keyResult(objectiveId, 100, 20);
        setCurrentValue(increasing, 40);
        setCurrentValue(decreasing, 60);
        asViewer().get("/api/v1/key-results/" + increasing).then().body("progress", is(0.4)).body("currentValue", is(40));
        asViewer().get("/api/v1/key-results/" + decreasing).then().body("progress", is(0.5));
        setCurrentValue(increasing, 250);
        asViewer().get("/api/v1/key-results/" + increasing).then().body("progress", is(1.0));
        asViewer().get("/api/v1/objectives/" + objectiveId).then().body("progress", is(0.75));
    }

    @Test
    void historyRecordsEveryChangeWithSourceAndCause() {
        String kr = keyResult(objective(cycle()), 0, 100);
        asMember().header("X-Request-Id", "req-hist-1").body(Map.of("currentValue", 30))
                .patch("/api/v1/key-results/" + kr).then().statusCode(200);
        asMember().body(Map.of("title", "same progress, new title")).patch("/api/v1/key-results/" + kr)
                .then().statusCode(200);
        asMember().body(Map.of("currentValue", 55)).patch("/api/v1/key-results/" + kr).then().statusCode(200);

        asViewer().get("/api/v1/key-results/" + kr + "/history")
                .then().statusCode(200)
                .body("$", hasSize(3))
                .body("progress", contains(0.0, 0.3, 0.55))
                .body("currentValue", contains(0, 30, 55))
                .body("source", contains("MANUAL", "MANUAL", "MANUAL"))
                .body("[0].cause", containsString("created"))
                .body("[1].cause", containsString("PATCH /api/v1/key-results/" + kr))
                .body("[1].cause", containsString("alice"))
                .body("[1].cause", containsString("req-hist-1"));
    }

    @Test
    void scoreOnlyDuringTheRetrospective() {
        String cycleId = cycle();
        String kr = keyResult(objective(cycleId), 0, 100);
        asMember().body(Map.of("score", 0.7)).patch("/api/v1/key-results/" + kr)
                .then().statusCode(409).contentType("application/problem+json");
        asMember().body(Map.of("phase", "EXECUTION")).post("/api/v1/cycles/" + cycleId + "/phase");
        asMember().body(Map.of("phase", "RETROSPECTIVE")).post("/api/v1/cycles/" + cycleId + "/phase");
        asMember().body(Map.of("score", 1.5)).patch("/api/v1/key-results/" + kr)
                .then().statusCode(400).body("errors[0].field", is("score"));
        asMember().body(Map.of("score", 0.7)).patch("/api/v1/key-results/" + kr)
                .then().statusCode(200).body("score", is(0.7));
    }

    @Test
    void tasksProgressComesFromLinkedTasksNotFromValues() {
        String objectiveId = objective(cycle());
        String kr = keyResult(objectiveId, 0, 100);
        UUID krId = UUID.fromString(kr);
        // linked tasks: one DONE, one TODO, one IN_PROGRESS (a CANCELLED one counts in neither sum)
        QuarkusTransaction.requiringNew().run(() -> {
            KeyResult row = KeyResult.findById(krId);
            row.tasksSequence = 4;
            row.tasksDoneWeight = BigDecimal.ONE;
            row.tasksCountedWeight = BigDecimal.valueOf(3);
        });
        asMember().body(Map.of("progressSource", "TASKS")).patch("/api/v1/key-results/" + kr)
                .then().statusCode(200)
                .body("progress", is(0.3333))
                .body("currentValue", is(33.3333));
        asMember().body(Map.of("currentValue", 90)).patch("/api/v1/key-results/" + kr)
                .then().statusCode(400).body("errors[0].field", is("currentValue"));
        asViewer().get("/api/v1/objectives/" + objectiveId).then().body("progress", is(0.3333));
    }

    @Test
    void listFiltersByObjectiveAndCycle() {
        String cycleId = cycle();
        String first = objective(cycleId);
        String second = objective(cycleId);
        String a = keyResult(first, 0, 1);
        String b = keyResult(second, 0, 1);
        asViewer().queryParam("objectiveId", first).get("/api/v1/key-results")
                .then().statusCode(200).body("items.id", contains(a)).body("totalItems", is(1));
        asViewer().queryParam("cycleId", cycleId).get("/api/v1/key-results")
                .then().body("items.id", contains(a, b));
    }

    @Test
    void deleteRecomputesTheObjective() {
        String objectiveId = objective(cycle());
        String done = keyResult(objectiveId, 0, 10);
        String open = keyResult(objectiveId, 0, 10);
        setCurrentValue(done, 10);
        asViewer().get("/api/v1/objectives/" + objectiveId).then().body("progress", is(0.5));
        asMember().delete("/api/v1/key-results/" + open).then().statusCode(204);
        asViewer().get("/api/v1/objectives/" + objectiveId).then().body("progress", is(1.0));
        asViewer().get("/api/v1/key-results/" + open).then().statusCode(404);
    }

    @Test
    void keyResultsAreFoundByTitleAndSortedByProgressAndTitle() {
        String token = "kr" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String objectiveId = objective(cycle());
        String[] ids = new String[3];
        String[] names = {"Alpha", "beta", "Gamma"};
        for (int i = 0; i < 3; i++) {
            ids[i] = asMember().body(Map.of("title", token + " " + names[i], "metricType", "NUMBER",
                            "startValue", 0, "targetValue", 100))
                    .post("/api/v1/objectives/" + objectiveId + "/key-results")
                    .then().statusCode(201).extract().path("id");
        }
        setCurrentValue(ids[2], 40);

        asViewer().queryParam("q", token.toUpperCase() + " G").get("/api/v1/key-results")
                .then().statusCode(200).body("items.id", contains(ids[2]));
        asViewer().queryParam("q", token).queryParam("sort", "-progress,title").get("/api/v1/key-results")
                .then().statusCode(200).body("items.id", contains(ids[2], ids[0], ids[1]));
        asViewer().queryParam("objectiveId", objectiveId).queryParam("sort", "progress,-createdAt")
                .get("/api/v1/key-results")
                .then().statusCode(200).body("items.id", contains(ids[1], ids[0], ids[2]));
        asViewer().queryParam("sort", "targetValue").get("/api/v1/key-results")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", is("sort"));
    }
}

package org.okrpm.okr.objective;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.okrpm.kit.testing.TestTokens.asMember;
import static org.okrpm.kit.testing.TestTokens.asViewer;
import static org.okrpm.okr.OkrFixtures.cycle;
import static org.okrpm.okr.OkrFixtures.keyResult;
import static org.okrpm.okr.OkrFixtures.setCurrentValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.okrpm.kit.testing.TestEvents;

/** Objectives roll up the alignment tree: modes, weights, cancelled children, history, events and scores. */
@QuarkusTest
class ObjectiveRollupTest {

    private static final String PROGRESS_CHANGED = "okr.objective.progress-changed";

    private static String objective(String cycleId, String parentId, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of("cycleId", cycleId, "title", "Rollup", "level", "TEAM"));
        if (parentId != null) {
            body.put("parentId", parentId);
        }
        body.putAll(extra);
        return asMember().body(body).post("/api/v1/objectives").then().statusCode(201).extract().path("id");
    }

    private static double progressOf(String objectiveId) {
        return asViewer().get("/api/v1/objectives/" + objectiveId).then().statusCode(200)
                .extract().jsonPath().getDouble("progress");
    }

    /** The progress of every okr.objective.progress-changed of the objective, in order, once there are n. */
    private static List<Double> progressEvents(String objectiveId, int n) {
        List<ConsumerRecord<String, String>> records = TestEvents.awaitRecords("okr.objectives",
                r -> objectiveId.equals(r.key()) && PROGRESS_CHANGED.equals(TestEvents.header(r, "ce_type")), n);
        return records.stream().map(r -> JsonPath.from(r.value()).getDouble("progress")).toList();
    }

    @Test
    void aThreeLevelTreeRollsUpWithWeightsAndModesEachAncestorWithItsHistoryAndEvents() {
        String cycleId = cycle();
        String company = objective(cycleId, null, Map.of("level", "COMPANY"));
        String department = objective(cycleId, company, Map.of("level", "DEPARTMENT", "progressMode", "BOTH"));
        String ownKr = keyResult(department, 0, 10);
        String teamA = objective(cycleId, department, Map.of());
        String teamB = objective(cycleId, department, Map.of("weight", 2));
        String otherDepartment = objective(cycleId, company, Map.of("level", "DEPARTMENT"));
        String a1 = keyResult(teamA, 0, 100);
        String b1 = keyResult(teamB, 0, 100);

        setCurrentValue(a1, 50);  // teamA 0.5; department (0·1 + 0.5·1 + 0·2) / 4; company (0.125 + 0) / 2
        assertThat(progressOf(teamA), is(0.5));
        assertThat(progressOf(department), is(0.125));
        assertThat(progressOf(company), is(0.0625));

        setCurrentValue(b1, 100); // teamB 1.0; department (0 + 0.5 + 2) / 4
        assertThat(progressOf(department), is(0.625));
        assertThat(progressOf(company), is(0.3125));

        setCurrentValue(ownKr, 10); // BOTH: its own key result counts beside its children
        assertThat(progressOf(department), is(0.875));
        assertThat(progressOf(company), is(0.4375));

        asMember().body(Map.of("weight", 3)).patch("/api/v1/objectives/" + otherDepartment) // (0.875 + 0·3) / 4
                .then().statusCode(200).body("weight", is(3.0));
        assertThat(progressOf(company), is(0.2188));

        asViewer().get("/api/v1/objectives/" + company).then()
                .body("progressMode", is("CHILDREN")) // the default without key results
                .body("privateChildren.count", is(0));
        asViewer().get("/api/v1/objectives/" + teamA).then().body("progressMode", is("KEY_RESULTS"));
        asViewer().get("/api/v1/objectives/" + company + "/alignment").then().statusCode(200)
                .body("progress", is(0.2188))
                .body("progressMode", is("CHILDREN"))
                .body("children.id", contains(department, otherDepartment))
                .body("children[0].progressMode", is("BOTH"))
                .body("children[0].progress", is(0.875))
                .body("children[0].children.id", contains(teamA, teamB))
                .body("children[0].children.weight", contains(1.0, 2.0))
                .body("children[1].weight", is(3.0));

        // each ancestor has its own history: one entry per move, naming the child that moved
        asViewer().get("/api/v1/objectives/" + company + "/history").then().statusCode(200)
                .body("progress", contains(0.0625, 0.3125, 0.4375, 0.2188))
                .body("source", contains("CHILDREN", "CHILDREN", "CHILDREN", "CHILDREN"))
                .body("[0].cause", containsString("aligned objective " + department + " moved"))
                .body("[0].cause", containsString("key result " + a1))
                .body("[3].cause", containsString("aligned objective " + otherDepartment + " changed"));
        asViewer().get("/api/v1/objectives/" + department + "/history").then().statusCode(200)
                .body("progress", contains(0.125, 0.625, 0.875))
                .body("source", contains("CHILDREN", "CHILDREN", "KEY_RESULTS"))
                .body("[0].cause", containsString("aligned objective " + teamA + " moved"));
        asViewer().get("/api/v1/objectives/" + teamA + "/history").then().statusCode(200)
                .body("progress", contains(0.5)).body("source", contains("KEY_RESULTS"));
        asViewer().queryParam("page", 1).queryParam("size", 2).get("/api/v1/objectives/" + company + "/history")
                .then().statusCode(200).body("totalItems", is(4)).body("totalPages", is(2))
                .body("items.progress", contains(0.4375, 0.2188));

        // and its own events
        assertThat(progressEvents(company, 4), contains(0.0625, 0.3125, 0.4375, 0.2188));
        assertThat(progressEvents(department, 3), contains(0.125, 0.625, 0.875));
    }

    @Test
    void aCancelledChildDoesNotCountAndLeavingOrDeletingMovesTheParent() {
        String cycleId = cycle();
        String parent = objective(cycleId, null, Map.of());
        String done = objective(cycleId, parent, Map.of());
        String open = objective(cycleId, parent, Map.of());
        setCurrentValue(keyResult(done, 0, 1), 1);
        keyResult(open, 0, 1);
        assertThat(progressOf(parent), is(0.5));

        asMember().body(Map.of("state", "CANCELLED")).patch("/api/v1/objectives/" + open)
                .then().statusCode(200).body("state", is("CANCELLED"));
        assertThat(progressOf(parent), is(1.0));
        asMember().body(Map.of("state", "ACTIVE")).patch("/api/v1/objectives/" + open).then().statusCode(200);
        assertThat(progressOf(parent), is(0.5));

        String other = objective(cycleId, null, Map.of());
        asMember().body(Map.of("parentId", other)).patch("/api/v1/objectives/" + done).then().statusCode(200);
        assertThat(progressOf(parent), is(0.0));
        assertThat(progressOf(other), is(1.0));
        asViewer().get("/api/v1/objectives/" + other + "/history").then()
                .body("[0].cause", containsString("aligned objective " + done + " joined"));

        // a loop is still impossible, and changes nothing
        asMember().body(Map.of("parentId", done)).patch("/api/v1/objectives/" + other).then().statusCode(409);
        assertThat(progressOf(other), is(1.0));

        asMember().delete("/api/v1/objectives/" + done).then().statusCode(204);
        assertThat(progressOf(other), is(0.0));
        asViewer().get("/api/v1/objectives/" + other + "/history").then()
                .body("progress", contains(1.0, 0.0))
                .body("[1].cause", containsString("aligned objective " + done + " deleted"));
    }

    @Test
    void progressModeIsWritableAndNullGoesBackToTheDefault() {
        String cycleId = cycle();
        String parent = objective(cycleId, null, Map.of());
        String child = objective(cycleId, parent, Map.of());
        setCurrentValue(keyResult(child, 0, 4), 4);
        assertThat(progressOf(parent), is(1.0)); // CHILDREN while it has no key results
        keyResult(parent, 0, 4);
        asViewer().get("/api/v1/objectives/" + parent).then().body("progressMode", is("KEY_RESULTS"))
                .body("progress", is(0.0));

        asMember().body(Map.of("progressMode", "BOTH")).patch("/api/v1/objectives/" + parent)
                .then().statusCode(200).body("progressMode", is("BOTH")).body("progress", is(0.5));
        asViewer().get("/api/v1/objectives/" + parent + "/history").then()
                .body("source", contains("CHILDREN", "KEY_RESULTS", "MANUAL"));
        Map<String, Object> reset = new HashMap<>();
        reset.put("progressMode", null);
        asMember().contentType("application/merge-patch+json").body(reset).patch("/api/v1/objectives/" + parent)
                .then().statusCode(200).body("progressMode", is("KEY_RESULTS")).body("progress", is(0.0));
        asMember().body(Map.of("weight", 0)).patch("/api/v1/objectives/" + child)
                .then().statusCode(400).body("errors[0].field", is("weight"));
    }

    @Test
    void statusIsDerivedSoPatchingItIsA400NamingState() {
        String id = objective(cycle(), null, Map.of());
        asMember().body(Map.of("status", "COMPLETED")).patch("/api/v1/objectives/" + id)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("status"))
                .body("errors[0].message", containsString("use state"));
        asViewer().get("/api/v1/objectives/" + id).then().body("state", is("ACTIVE")).body("version", is(0));
        asViewer().get("/api/v1/objectives/" + id + "/history").then().statusCode(200).body("size()", is(0));
    }

    @Test
    void scoreIsNullUntilEveryKeyResultIsScoredThenTheirWeightedMean() {
        String cycleId = cycle();
        String parent = objective(cycleId, null, Map.of());
        String id = objective(cycleId, parent, Map.of());
        String heavy = keyResult(id, 0, 100, 3, "MANUAL");
        String light = keyResult(id, 0, 100, 1, "MANUAL");
        asViewer().get("/api/v1/objectives/" + id).then().body("score", nullValue());
        for (String phase : new String[] {"EXECUTION", "RETROSPECTIVE"}) {
            asMember().body(Map.of("phase", phase)).post("/api/v1/cycles/" + cycleId + "/phase").then().statusCode(200);
        }

        asMember().body(Map.of("score", 1.0)).patch("/api/v1/key-results/" + heavy).then().statusCode(200);
        asViewer().get("/api/v1/objectives/" + id).then().body("score", nullValue());
        asMember().body(Map.of("score", 0.6)).patch("/api/v1/key-results/" + light).then().statusCode(200);
        asViewer().get("/api/v1/objectives/" + id).then().body("score", is(0.9));
        asViewer().get("/api/v1/objectives/" + parent + "/alignment").then()
                .body("score", nullValue()) // no key results of its own
                .body("children[0].score", is(0.9));

        List<ConsumerRecord<String, String>> updates = TestEvents.awaitRecords("okr.objectives",
                r -> id.equals(r.key()) && "okr.objective.updated".equals(TestEvents.header(r, "ce_type"))
                        && r.value().contains("\"score\":0.9"), 1);
        assertThat(updates, hasSize(1));
        assertThat(JsonPath.from(updates.get(0).value()).getDouble("progress"), is(0.0));
    }
}

package org.okrpm.okr.rollover;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.okrpm.kit.testing.ProblemAssertions.assertProblem;
import static org.okrpm.kit.testing.TestTokens.asAdmin;
import static org.okrpm.kit.testing.TestTokens.asMember;
import static org.okrpm.kit.testing.TestTokens.asMemberOf;
import static org.okrpm.kit.testing.TestTokens.asViewer;
import static org.okrpm.okr.OkrFixtures.cycle;
import static org.okrpm.okr.OkrFixtures.cycleIn;
import static org.okrpm.okr.OkrFixtures.keyResult;
import static org.okrpm.okr.OkrFixtures.objective;
import static org.okrpm.okr.OkrFixtures.setCurrentValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** POST /api/v1/cycles/{id}/rollover: unfinished key results move on, once, under copies of their objectives. */
@QuarkusTest
class RolloverResourceTest {

    /** A cycle in EXECUTION with one objective holding a finished and two unfinished key results. */
    record Quarter(String cycleId, String objectiveId, String done, String halfway, String untouched) {

        static Quarter planned() {
            String cycleId = cycleIn("EXECUTION");
            String objectiveId = objective(cycleId);
            String done = keyResult(objectiveId, 0, 10);
            setCurrentValue(done, 10);
            String halfway = keyResult(objectiveId, 100, 200);
            setCurrentValue(halfway, 150);
            String untouched = keyResult(objectiveId, 0, 5);
            return new Quarter(cycleId, objectiveId, done, halfway, untouched);
        }

        Quarter over() {
            moveTo(cycleId, "RETROSPECTIVE");
            return this;
        }
    }

    static void moveTo(String cycleId, String phase) {
        asMember().body(Map.of("phase", phase)).post("/api/v1/cycles/" + cycleId + "/phase").then().statusCode(200);
    }

    static ValidatableResponse rollOver(String sourceId, String targetId, String... keyResultIds) {
        Map<String, Object> body = new HashMap<>(Map.of("targetCycleId", targetId));
        if (keyResultIds.length > 0) {
            body.put("keyResultIds", List.of(keyResultIds));
        }
        return asMember().body(body).post("/api/v1/cycles/" + sourceId + "/rollover").then();
    }

    /** The continuation of {@code from} in a rollover answer. */
    static String to(JsonPath answer, String from) {
        return answer.getString("keyResults.find { it.from == '" + from + "' }.to");
    }

    static int keyResultsIn(String cycleId) {
        return asViewer().get("/api/v1/key-results?cycleId=" + cycleId).then().statusCode(200).extract()
                .path("totalItems");
    }

    static int objectivesIn(String cycleId) {
        return asViewer().get("/api/v1/objectives?cycleId=" + cycleId).then().statusCode(200).extract()
                .path("totalItems");
    }

    @Test
    void unfinishedKeyResultsContinueUnderACopyOfTheirObjectiveAndTheFinishedOneStays() {
        Quarter q = Quarter.planned().over();
        String next = cycle();

        JsonPath answer = rollOver(q.cycleId(), next).statusCode(200).extract().jsonPath();

        assertThat(answer.getList("keyResults.from"), containsInAnyOrder(q.halfway(), q.untouched()));
        assertThat(answer.getList("keyResults.created"), containsInAnyOrder(true, true));
        assertThat(answer.getList("objectives.from"), is(List.of(q.objectiveId())));
        String copy = answer.getString("objectives[0].to");
        asViewer().get("/api/v1/objectives/" + copy).then().statusCode(200)
                .body("cycleId", is(next)).body("previousId", is(q.objectiveId()))
                .body("title", is("Delight customers")).body("teamId", is("team-a")).body("ownerId", is("alice"))
                .body("keyResults", hasSize(2));
        String carried = to(answer, q.halfway());
        asViewer().get("/api/v1/key-results/" + carried).then().statusCode(200)
                .body("cycleId", is(next)).body("objectiveId", is(copy)).body("previousId", is(q.halfway()))
                .body("startValue", is(150)).body("currentValue", is(150)).body("targetValue", is(200))
                .body("progress", is(0.0)).body("progressSource", is("MANUAL"));
        // the old one is untouched; the new one's history starts with the rollover
        asViewer().get("/api/v1/key-results/" + q.halfway()).then().body("progress", is(0.5))
                .body("cycleId", is(q.cycleId()));
        asViewer().get("/api/v1/key-results/" + carried + "/history").then().body("", hasSize(1))
                .body("[0].cause", containsString("rolled over from key result " + q.halfway()));
        assertThat(keyResultsIn(next), is(2));
    }

    @Test
    void rollingOverTwiceMakesNothingNewAndAnswersTheSamePairs() {
        Quarter q = Quarter.planned();
        moveTo(q.cycleId(), "RETROSPECTIVE");
        moveTo(q.cycleId(), "CLOSED"); // from a CLOSED cycle too
        String next = cycleIn("EXECUTION");
        JsonPath first = rollOver(q.cycleId(), next).statusCode(200).extract().jsonPath();

        JsonPath second = rollOver(q.cycleId(), next).statusCode(200).extract().jsonPath();

        assertThat(second.getList("keyResults.to"), is(first.getList("keyResults.to")));
        assertThat(second.getList("objectives.to"), is(first.getList("objectives.to")));
        assertThat(second.getList("keyResults.created"), is(List.of(false, false)));
        assertThat(second.getList("objectives.created"), is(List.of(false)));
        assertThat(keyResultsIn(next), is(2));
        assertThat(objectivesIn(next), is(1));
    }

    @Test
    void twoRolloversAtOnceTakeTurnsAndMakeEverythingOnce() throws Exception {
        Quarter q = Quarter.planned().over();
        String next = cycle();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> calls = pool.invokeAll(List.<Callable<Integer>>of(
                    () -> rollOver(q.cycleId(), next).extract().statusCode(),
                    () -> rollOver(q.cycleId(), next).extract().statusCode()));
            for (Future<Integer> call : calls) {
                assertThat(call.get(), is(200));
            }
        } finally {
            pool.shutdown();
        }
        assertThat(keyResultsIn(next), is(2));
        assertThat(objectivesIn(next), is(1));
    }

    @Test
    void theListedKeyResultsRollAndALaterRolloverReusesTheObjectiveCopy() {
        Quarter q = Quarter.planned().over();
        String next = cycle();
        JsonPath first = rollOver(q.cycleId(), next, q.halfway()).statusCode(200).extract().jsonPath();
        assertThat(first.getList("keyResults.from"), is(List.of(q.halfway())));

        JsonPath rest = rollOver(q.cycleId(), next).statusCode(200).extract().jsonPath();

        assertThat(rest.getString("objectives[0].to"), is(first.getString("objectives[0].to")));
        assertThat(rest.getList("objectives.created"), is(List.of(false)));
        assertThat(to(rest, q.halfway()), is(to(first, q.halfway())));
        assertThat(rest.getBoolean("keyResults.find { it.from == '" + q.untouched() + "' }.created"), is(true));
        assertThat(objectivesIn(next), is(1));
        asViewer().get("/api/v1/objectives/" + first.getString("objectives[0].to")).then()
                .body("keyResults", hasSize(2));
    }

    @Test
    void aCopyAlignsUnderTheCopyOfItsParentOnlyWhenTheParentRollsToo() {
        String source = cycleIn("EXECUTION");
        String parent = objective(source);
        keyResult(parent, 0, 10); // unfinished: the parent rolls
        String child = objective(source, parent);
        keyResult(child, 0, 10);
        String finishedParent = objective(source);
        setCurrentValue(keyResult(finishedParent, 0, 10), 10); // finished: it stays
        String orphan = objective(source, finishedParent);
        keyResult(orphan, 0, 10);
        moveTo(source, "RETROSPECTIVE");
        String next = cycle();

        JsonPath answer = rollOver(source, next).statusCode(200).extract().jsonPath();

        String parentCopy = answer.getString("objectives.find { it.from == '" + parent + "' }.to");
        String childCopy = answer.getString("objectives.find { it.from == '" + child + "' }.to");
        String orphanCopy = answer.getString("objectives.find { it.from == '" + orphan + "' }.to");
        assertThat(answer.getList("objectives.from"), not(hasItem(finishedParent)));
        asViewer().get("/api/v1/objectives/" + childCopy).then().body("parentId", is(parentCopy));
        asViewer().get("/api/v1/objectives/" + orphanCopy).then().body("parentId", nullValue());
    }

    @Test
    void aTasksKeyResultKeepsItsSourceAndStartsWhereTheOldOneStands() {
        String source = cycleIn("EXECUTION");
        String booleanKr = asMember().body(Map.of("title", "Launched", "metricType", "BOOLEAN"))
                .post("/api/v1/objectives/" + objective(source) + "/key-results").then().statusCode(201)
                .extract().path("id");
        String tasks = keyResult(objective(source), 0, 8, 2, "TASKS");
        moveTo(source, "RETROSPECTIVE");
        String next = cycle();

        JsonPath answer = rollOver(source, next).statusCode(200).extract().jsonPath();

        asViewer().get("/api/v1/key-results/" + to(answer, tasks)).then().body("progressSource", is("TASKS"))
                .body("weight", is(2.0)).body("startValue", is(0)).body("targetValue", is(8));
        asViewer().get("/api/v1/key-results/" + to(answer, booleanKr)).then().body("metricType", is("BOOLEAN"))
                .body("startValue", is(0)).body("targetValue", is(1));
    }

    @Test
    void theSourceMustBeOverAndTheTargetOpen() {
        Quarter running = Quarter.planned();
        assertProblem(rollOver(running.cycleId(), cycle()), 409).body("detail", containsString("EXECUTION"));

        Quarter q = Quarter.planned().over();
        assertProblem(rollOver(q.cycleId(), cycleIn("RETROSPECTIVE")), 409).body("detail",
                containsString("PLANNING or EXECUTION"));
        assertProblem(rollOver(q.cycleId(), cycleIn("CLOSED")), 409);
        assertThat(keyResultsIn(q.cycleId()), is(3));
    }

    @Test
    void aMissingOrSameTargetAndForeignOrFinishedKeyResultsAre422NamingThem() {
        Quarter q = Quarter.planned().over();
        String next = cycle();
        assertProblem(rollOver(q.cycleId(), UUID.randomUUID().toString()), 422)
                .body("errors[0].field", is("targetCycleId"));
        assertProblem(rollOver(q.cycleId(), q.cycleId()), 422).body("errors[0].field", is("targetCycleId"));

        String foreign = keyResult(objective(cycle()), 0, 10);
        String unknown = UUID.randomUUID().toString();
        assertProblem(rollOver(q.cycleId(), next, q.halfway(), foreign, unknown), 422)
                .body("errors[0].field", is("keyResultIds"))
                .body("detail", containsString(foreign)).body("detail", containsString(unknown))
                .body("detail", not(containsString(q.halfway())));
        assertProblem(rollOver(q.cycleId(), next, q.done()), 422).body("detail", containsString(q.done()));
        assertThat(keyResultsIn(next), is(0));

        assertProblem(rollOver(UUID.randomUUID().toString(), next), 404);
        assertProblem(asMember().body(Map.of()).post("/api/v1/cycles/" + q.cycleId() + "/rollover").then(), 400);
    }

    @Test
    void aKeyResultContinuesInOneCycleOnly() {
        Quarter q = Quarter.planned().over();
        rollOver(q.cycleId(), cycle(), q.halfway()).statusCode(200);
        String other = cycle();

        assertProblem(rollOver(q.cycleId(), other), 409).body("detail", containsString(q.halfway()));
        assertThat(keyResultsIn(other), is(0));
        rollOver(q.cycleId(), other, q.untouched()).statusCode(200); // the others may still go there
    }

    @Test
    void onlyThoseWhoMayChangeTheObjectivesRollThemOver() {
        Quarter q = Quarter.planned().over();
        String next = cycle();
        Map<String, Object> body = Map.of("targetCycleId", next);
        String path = "/api/v1/cycles/" + q.cycleId() + "/rollover";

        assertProblem(asViewer().body(body).post(path).then(), 403);
        assertProblem(asMemberOf("mallory", "team-z").body(body).post(path).then(), 403)
                .body("detail", containsString("objective " + q.objectiveId()));
        assertThat(keyResultsIn(next), is(0));
        asMemberOf("tom", "team-a").body(body).post(path).then().statusCode(200); // a member of its team
        asAdmin().body(body).post(path).then().statusCode(200);
        assertThat(keyResultsIn(next), is(2));
    }
}

package org.okrpm.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.oneOf;

import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A whole quarter through the gateway, in the terms of the README: plan an aligned tree, check in weekly, review,
 * score, write the retrospective, read the summary, close, and roll the unfinished key result into the next quarter,
 * where its open linked task follows it and, completed there, moves the carried key result.
 */
class QuarterJourneyTest {

    private static final Duration ASYNC = Duration.ofSeconds(30);

    private static RequestSpecification lead() {
        return Stack.member("quinn");
    }

    private static String create(String path, Map<String, ?> body) {
        return lead().body(body).post(path).then().statusCode(201).extract().path("id");
    }

    private static void phase(String cycleId, String phase) {
        lead().body(Map.of("phase", phase)).post("/api/v1/cycles/" + cycleId + "/phase")
                .then().statusCode(200).body("phase", is(phase));
    }

    private static ValidatableResponse get(String path) {
        return lead().get(path).then().statusCode(200);
    }

    @Test
    void aQuarterFromPlanningToRollover() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String q4 = create("/api/v1/cycles", Map.of("name", "quarter-q4-" + suffix, "startDate", "2026-10-01",
                "endDate", "2026-12-31"));
        String q1 = create("/api/v1/cycles", Map.of("name", "quarter-q1-" + suffix, "startDate", "2027-01-01",
                "endDate", "2027-03-31"));

        // plan: a company objective (rolls up its children) over a team objective with two key results
        String company = create("/api/v1/objectives", Map.of("cycleId", q4, "title", "Win the mid-market",
                "level", "COMPANY", "teamId", "leadership"));
        String team = create("/api/v1/objectives", Map.of("cycleId", q4, "title", "Launch self-serve",
                "level", "TEAM", "teamId", "growth", "parentId", company));
        String signups = create("/api/v1/objectives/" + team + "/key-results", Map.of("title", "Weekly sign-ups",
                "metricType", "NUMBER", "startValue", 0, "targetValue", 100));
        String launch = create("/api/v1/objectives/" + team + "/key-results", Map.of("title", "Launch work done",
                "metricType", "NUMBER", "startValue", 0, "targetValue", 10, "progressSource", "TASKS"));
        get("/api/v1/objectives/" + company).body("progressMode", is("CHILDREN"));
        String project = create("/api/v1/projects", Map.of("name", "Self-serve " + suffix,
                "keyResultIds", List.of(launch)));
        String designTask = create("/api/v1/projects/" + project + "/tasks", Map.of("title", "Design",
                "keyResultId", launch));
        String buildTask = create("/api/v1/projects/" + project + "/tasks", Map.of("title", "Build",
                "keyResultId", launch));

        // execute: weekly check-ins, linked work, a team review
        phase(q4, "EXECUTION");
        checkIn(signups, 40, 0.5);
        checkIn(signups, 100, 0.8);
        lead().body(Map.of("status", "DONE")).patch("/api/v1/tasks/" + designTask).then().statusCode(200);
        await().atMost(ASYNC).untilAsserted(() -> get("/api/v1/key-results/" + launch).body("progress", is(0.5))
                .body("currentValue", is(5)));
        // the tree rolls up: team = mean(1.0, 0.5), company follows its only child
        await().atMost(ASYNC).untilAsserted(() -> get("/api/v1/objectives/" + company).body("progress", is(0.75)));
        get("/api/v1/key-results/" + signups).body("status", is("DONE"))
                .body("confidence", is(0.8));
        get("/api/v1/key-results/" + launch).body("status", oneOf("ON_TRACK", "AT_RISK", "OFF_TRACK"))
                .body("expectedProgress", notNullValue()).body("dueDate", is("2026-12-31"));
        get("/api/v1/key-results/" + signups + "/series?interval=WEEK&from=2026-10-01")
                .body("interval", is("WEEK"))
                .body("points[-1].progress", is(1.0)).body("points[-1].confidence", is(0.8));
        String review = create("/api/v1/reviews", Map.of("type", "TEAM_REVIEW", "cycleId", q4, "teamId", "growth",
                "participants", List.of("quinn"), "objectiveIds", List.of(team), "notes", "launch slipping",
                "heldOn", "2026-11-20"));
        String etag = lead().get("/api/v1/reviews/" + review).then().statusCode(200).extract().header("ETag");
        lead().header("If-Match", etag).body(Map.of("notes", "launch slipping; design done"))
                .patch("/api/v1/reviews/" + review).then().statusCode(200)
                .body("notes", is("launch slipping; design done"));

        // retrospective: the summary shows what is missing, then scores and a whole-cycle retrospective fill it
        phase(q4, "RETROSPECTIVE");
        get("/api/v1/cycles/" + q4 + "/summary").body("unscoredKeyResults.id", hasItem(launch))
                .body("keyResults.total", is(2));
        lead().body(Map.of("score", 1.0)).patch("/api/v1/key-results/" + signups).then().statusCode(200);
        lead().body(Map.of("score", 0.4)).patch("/api/v1/key-results/" + launch).then().statusCode(200);
        get("/api/v1/objectives/" + team).body("score", is(0.7));
        await().atMost(ASYNC).untilAsserted(() -> lead().body(Map.of("cycleId", q4, "teamId", "growth",
                        "wentWell", "sign-ups", "toImprove", "launch planning", "lessons", "cut scope earlier"))
                .post("/api/v1/retrospectives").then().statusCode(201));
        await().atMost(ASYNC).untilAsserted(() -> get("/api/v1/cycles/" + q4 + "/summary")
                .body("unscoredKeyResults", empty())
                .body("objectivesWithoutRetrospective.id", not(hasItem(team)))
                .body("objectivesWithoutRetrospective.id", hasItem(company)));
        phase(q4, "CLOSED");

        // rollover: only the unfinished key result moves, under a copy of its objective, with lineage
        Map<String, Object> rolled = lead().body(Map.of("targetCycleId", q1))
                .post("/api/v1/cycles/" + q4 + "/rollover").then().statusCode(200)
                .body("keyResults.from", contains(launch)).body("objectives.from", contains(team))
                .extract().as(Map.class);
        String carried = path(rolled, "keyResults");
        String teamNext = path(rolled, "objectives");
        lead().body(Map.of("targetCycleId", q1)).post("/api/v1/cycles/" + q4 + "/rollover").then().statusCode(200)
                .body("keyResults.to", contains(carried));
        lead().queryParam("cycleId", q1).get("/api/v1/objectives").then().statusCode(200)
                .body("items.id", contains(teamNext));
        get("/api/v1/key-results/" + carried).body("previousId", is(launch)).body("startValue", is(5))
                .body("cycleId", is(q1));
        get("/api/v1/key-results/" + carried + "/lineage").body("id", contains(launch, carried));

        // the open task followed the key result; the done one stayed behind
        await().atMost(ASYNC).untilAsserted(() -> get("/api/v1/tasks/" + buildTask).body("keyResultId", is(carried)));
        get("/api/v1/tasks/" + designTask).body("keyResultId", is(launch));

        // next quarter: completing the carried work moves the carried key result, not the closed one
        phase(q1, "EXECUTION");
        lead().body(Map.of("status", "DONE")).patch("/api/v1/tasks/" + buildTask).then().statusCode(200);
        await().atMost(ASYNC).untilAsserted(() -> get("/api/v1/key-results/" + carried).body("progress", is(1.0)));
        get("/api/v1/key-results/" + launch).body("progress", is(0.5)).body("score", is(0.4));
        get("/api/v1/key-results/" + launch + "/history").body("size()", not(is(0)));
    }

    private static void checkIn(String keyResultId, int value, double confidence) {
        await().atMost(ASYNC).untilAsserted(() -> lead().body(Map.of("keyResultId", keyResultId, "value", value,
                "confidence", confidence, "comment", "weekly")).post("/api/v1/check-ins").then().statusCode(201));
        await().atMost(ASYNC).untilAsserted(() -> get("/api/v1/key-results/" + keyResultId)
                .body("confidence", is(confidence)));
    }

    /** The {@code to} of the only pair in one list of a rollover answer. */
    @SuppressWarnings("unchecked")
    private static String path(Map<String, Object> rollover, String list) {
        return ((List<Map<String, String>>) rollover.get(list)).get(0).get("to");
    }
}

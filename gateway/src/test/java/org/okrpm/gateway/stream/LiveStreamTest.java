package org.okrpm.gateway.stream;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.okrpm.kit.testing.TestTokens.api;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.okrpm.kit.testing.TestEvents;
import org.okrpm.kit.testing.TestTokens;

@QuarkusTest
class LiveStreamTest {

    @TestHTTPResource("/api/v1/stream")
    URL stream;

    @Inject
    LiveStream liveStream;

    private final String viewer = TestTokens.token("victor", "viewer");

    @Test
    void pushesEveryKindOfChangeFilteredByCycleObjectiveProjectAndType() {
        String cycle = id();
        String objective = id();
        String otherObjective = id();
        String keyResult = id();
        String project = id();
        String task = id();
        int before = liveStream.subscriberCount();
        SseClient byCycle = open("?cycleId=" + cycle);
        SseClient byObjective = open("?objectiveId=" + objective);
        SseClient byProject = open("?projectId=" + project);
        SseClient byTypes = open("?types=cycle.phase-changed,%20task.completed&cycleId=" + cycle);
        SseClient everything = open("");
        assertEquals(200, everything.status);
        assertTrue(everything.contentType.startsWith("text/event-stream"), everything.contentType);
        assertEquals(before + 5, liveStream.subscriberCount());

        // the consumer reads from the latest offset once it has its partitions (and sees a topic created now
        // within a second): publish until each event gets through
        everything.publishUntilReceived("okr.cycles", cycle, "okr.cycle.phase-changed",
                new JsonObject().put("id", cycle).put("name", "Q1").put("phase", "EXECUTION").put("version", 3));
        everything.publishUntilReceived("okr.objectives", otherObjective, "okr.objective.updated",
                new JsonObject().put("id", otherObjective).put("cycleId", cycle).put("title", "Other").put("version", 1));
        everything.publishUntilReceived("okr.key-results", keyResult, "okr.key-result.updated", new JsonObject()
                .put("id", keyResult).put("objectiveId", objective).put("cycleId", cycle)
                .put("confidence", 0.4).put("score", 0.3).put("version", 5));
        // a check-in that only moves confidence reaches dashboards too
        everything.publishUntilReceived("checkin.check-ins", keyResult, "checkin.check-in.recorded", new JsonObject()
                .put("id", id()).put("keyResultId", keyResult).put("objectiveId", objective).put("cycleId", cycle)
                .putNull("value").put("confidence", 0.35).put("version", 0));
        everything.publishUntilReceived("project.projects", project, "project.project.stage-changed",
                new JsonObject().put("id", project).put("name", "Onboarding").put("stage", "EXECUTION").put("version", 2));
        everything.publishUntilReceived("project.tasks", task, "project.task.completed", new JsonObject()
                .put("id", task).put("projectId", project).put("status", "DONE").put("version", 4));
        everything.publishUntilReceived("okr.objectives", objective, "okr.objective.progress-changed",
                new JsonObject().put("id", objective).put("cycleId", cycle).put("progress", 0.25).put("version", 6));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertEquals(List.of("cycle.phase-changed", "objective.updated", "key-result.updated",
                    "check-in.recorded", "objective.progress-changed"), byCycle.namesOf(cycle));
            assertEquals(List.of("key-result.updated", "check-in.recorded", "objective.progress-changed"),
                    byObjective.namesOf(objective));
            assertEquals(List.of("project.stage-changed", "task.completed"), byProject.namesOf(project));
        });
        // types AND cycle: only the phase change (the task carries no cycle)
        assertEquals(List.of("cycle.phase-changed"), byTypes.namesOf(cycle));
        assertTrue(byTypes.eventsWith(project).isEmpty());
        assertTrue(byObjective.eventsWith(otherObjective).isEmpty(), "another objective's event was pushed");
        assertTrue(byProject.eventsWith(cycle).isEmpty(), "an OKR event reached a project's stream");

        SseClient.Event confidence = byObjective.eventsWith(keyResult).get(0);
        JsonObject data = new JsonObject(confidence.data());
        assertEquals(0.4, data.getDouble("confidence"));
        assertEquals(0.3, data.getDouble("score"));
        assertTrue(confidence.id().startsWith("okr.key-results/"), confidence.id());

        // heartbeats keep the stream alive (every second in the test profile)
        await().atMost(Duration.ofSeconds(5)).until(() -> byProject.received(": heartbeat"));

        // clients that hang up are cleaned up
        List.of(byCycle, byObjective, byProject, byTypes, everything).forEach(SseClient::hangUp);
        await().atMost(Duration.ofSeconds(10)).until(() -> liveStream.subscriberCount() == before);
    }

    @Test
    void aReconnectWithLastEventIdGetsWhatItMissed() {
        String objective = id();
        String keyResult = id();
        SseClient first = open("?objectiveId=" + objective);
        SseClient witness = open("");
        first.publishUntilReceived("okr.key-results", keyResult, "okr.key-result.progress-changed",
                keyResult(keyResult, objective, 0.1));
        String lastSeen = first.eventsWith(keyResult).get(first.eventsWith(keyResult).size() - 1).id();
        first.hangUp();

        // while it is away: two changes of its objective and one of another
        String other = id();
        TestEvents.publish("okr.key-results", keyResult, "okr.key-result.progress-changed",
                keyResult(keyResult, objective, 0.2).encode());
        TestEvents.publish("okr.key-results", other, "okr.key-result.progress-changed",
                keyResult(other, id(), 0.9).encode());
        TestEvents.publish("okr.key-results", keyResult, "okr.key-result.progress-changed",
                keyResult(keyResult, objective, 0.3).encode());
        await().atMost(Duration.ofSeconds(10)).until(() -> witness.received("\"progress\":0.3")
                && witness.received(other));

        SseClient resumed = open("?objectiveId=" + objective, lastSeen);
        await().atMost(Duration.ofSeconds(5)).until(() -> resumed.received("\"progress\":0.3"));
        List<SseClient.Event> replayed = resumed.eventsWith(keyResult);
        List<Double> progress = replayed.stream().map(e -> new JsonObject(e.data()).getDouble("progress")).toList();
        // in order; events from just before the last seen one may come again (the client knows them by id)
        assertTrue(progress.contains(0.2) && progress.indexOf(0.2) < progress.indexOf(0.3), progress.toString());
        assertEquals(0.3, progress.get(progress.size() - 1));
        assertTrue(replayed.stream().noneMatch(event -> event.id().equals(lastSeen)), "the last seen event came again");
        assertFalse(resumed.received(other), "the replay ignored the filter");
        assertFalse(resumed.received("event: reset"));
        assertEquals(witness.eventsWith("\"progress\":0.3").get(0).id(), replayed.get(replayed.size() - 1).id(),
                "an event's id is the same on every stream");

        // an event the gateway no longer holds: the client is told to refetch
        SseClient tooLate = open("?objectiveId=" + objective, "okr.key-results/9/1");
        await().atMost(Duration.ofSeconds(5)).until(() -> tooLate.received("event: reset"));
        assertTrue(tooLate.eventsWith(keyResult).isEmpty(), "events were replayed after a reset");

        List.of(witness, resumed, tooLate).forEach(SseClient::hangUp);
    }

    @Test
    void badFiltersAre400NamingTheParameter() {
        int before = liveStream.subscriberCount();
        api().auth().oauth2(viewer).get("/api/v1/stream?cycleId=not-a-uuid")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("cycleId must be a UUID"))
                .body("errors[0].field", equalTo("cycleId"));
        api().auth().oauth2(viewer).get("/api/v1/stream?objectiveId=42")
                .then().statusCode(400).body("errors[0].field", equalTo("objectiveId"));
        api().auth().oauth2(viewer).get("/api/v1/stream?projectId=")
                .then().statusCode(400).body("errors[0].field", equalTo("projectId"));
        api().auth().oauth2(viewer).get("/api/v1/stream?types=task.completed,task.exploded")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("types"));
        api().auth().oauth2(viewer).get("/api/v1/stream?objective=" + id())
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("objective"))
                .body("detail", equalTo("objective is not a parameter of this operation "
                        + "(it takes cycleId, objectiveId, projectId, types)"));
        // a refused filter takes no stream slot
        assertTrue(liveStream.subscriberCount() <= before);
    }

    private SseClient open(String query) {
        return open(query, null);
    }

    private SseClient open(String query, String lastEventId) {
        SseClient client = new SseClient(URI.create(stream + query), viewer, lastEventId);
        await().atMost(Duration.ofSeconds(10)).until(() -> client.received(": connected"));
        assertEquals(200, client.status);
        return client;
    }



    private static JsonObject keyResult(String id, String objectiveId, double progress) {
        return new JsonObject().put("id", id).put("objectiveId", objectiveId).put("cycleId", UUID.randomUUID().toString())
                .put("progressSource", "TASKS").put("currentValue", progress).put("progress", progress).put("version", 2);
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }
}

package org.okrpm.okr.events;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.okrpm.kit.testing.TestTokens.asMember;
import static org.okrpm.kit.testing.TestTokens.asViewer;
import static org.okrpm.okr.OkrFixtures.cycle;
import static org.okrpm.okr.OkrFixtures.keyResult;
import static org.okrpm.okr.OkrFixtures.objective;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.okrpm.kit.events.ProcessedEvent;
import org.okrpm.kit.testing.TestEvents;

/** okr-service ← project.tasks, through the real broker and database. */
@QuarkusTest
class TaskEventsTest {

    private static String tasksKeyResult(String objectiveId) {
        return keyResult(objectiveId, 0, 100, 1, "TASKS");
    }

    private static String task(String id, String keyResultId, String status, long version) {
        return "{\"id\":\"" + id + "\",\"projectId\":\"" + UUID.randomUUID() + "\",\"keyResultId\":"
                + (keyResultId == null ? "null" : "\"" + keyResultId + "\"") + ",\"status\":\"" + status
                + "\",\"weight\":1,\"version\":" + version + ",\"completedAt\":null,\"someFutureField\":true}";
    }

    private static String publishTask(String taskId, String keyResultId, String status, long version) {
        return TestEvents.publish("project.tasks", taskId, "project.task.updated",
                task(taskId, keyResultId, status, version));
    }

    private static void awaitProgress(String keyResultId, double progress) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                asViewer().get("/api/v1/key-results/" + keyResultId).then().body("progress", is(progress)));
    }

    private static void awaitProcessed(String eventId) {
        await().atMost(Duration.ofSeconds(20)).until(() ->
                QuarkusTransaction.requiringNew().call(() -> ProcessedEvent.findById(eventId) != null));
    }

    @Test
    void completedTaskMovesTheKeyResultAndAnnouncesIt() {
        String objectiveId = objective(cycle());
        String kr = tasksKeyResult(objectiveId);
        String done = UUID.randomUUID().toString();
        publishTask(UUID.randomUUID().toString(), kr, "TODO", 0);
        String eventId = publishTask(done, kr, "DONE", 1);

        awaitProgress(kr, 0.5);
        JsonPath history = asViewer().get("/api/v1/key-results/" + kr + "/history").then().extract().jsonPath();
        assertThat(history.getString("[-1].source"), is("TASKS"));
        assertThat(history.getString("[-1].cause"), containsString(eventId));

        var out = TestEvents.awaitRecords("okr.key-results", r -> r.key().equals(kr)
                && "okr.key-result.progress-changed".equals(TestEvents.header(r, "ce_type"))
                && JsonPath.from(r.value()).getDouble("progress") == 0.5, 1);
        assertThat(TestEvents.header(out.get(0), "ce_source"), is("/okr-service"));
        TestEvents.awaitRecords("okr.objectives", r -> r.key().equals(objectiveId)
                && "okr.objective.progress-changed".equals(TestEvents.header(r, "ce_type"))
                && JsonPath.from(r.value()).getDouble("progress") == 0.5, 1);
    }

    @Test
    void cancelledTasksLeaveTheDenominatorAndMovedTasksChangeBothKeyResults() {
        String objectiveId = objective(cycle());
        String first = tasksKeyResult(objectiveId);
        String second = tasksKeyResult(objectiveId);
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        String c = UUID.randomUUID().toString();
        publishTask(a, first, "DONE", 1);
        publishTask(b, first, "TODO", 1);
        publishTask(c, first, "TODO", 1);
        awaitProgress(first, 0.3333);
        publishTask(c, first, "CANCELLED", 2);
        awaitProgress(first, 0.5);
        publishTask(a, second, "DONE", 2);
        awaitProgress(first, 0.0);
        awaitProgress(second, 1.0);
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        String kr = tasksKeyResult(objective(cycle()));
        String taskId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        TestEvents.publish("project.tasks", taskId, "project.task.completed", task(taskId, kr, "DONE", 1), eventId);
        awaitProgress(kr, 1.0);
        // same event id again, even carrying other content: recognised and skipped
        TestEvents.publish("project.tasks", taskId, "project.task.reopened", task(taskId, kr, "TODO", 2), eventId);
        String barrier = publishTask(taskId, kr, "TODO", 0);
        awaitProcessed(barrier);
        asViewer().get("/api/v1/key-results/" + kr).then().body("progress", is(1.0));
        asViewer().get("/api/v1/key-results/" + kr + "/history").then().body("$", hasSize(2));
    }

    @Test
    void anOlderVersionAfterANewerOneChangesNothing() {
        String kr = tasksKeyResult(objective(cycle()));
        String taskId = UUID.randomUUID().toString();
        publishTask(taskId, kr, "DONE", 5);
        awaitProgress(kr, 1.0);
        String late = publishTask(taskId, kr, "TODO", 4);
        awaitProcessed(late);
        asViewer().get("/api/v1/key-results/" + kr).then().body("progress", is(1.0));
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndTheNextOneIsProcessed() {
        String kr = tasksKeyResult(objective(cycle()));
        String taskId = UUID.randomUUID().toString();
        TestEvents.publish("project.tasks", taskId, "project.task.updated", "{not json");
        var dead = TestEvents.awaitRecords("project.tasks.dlq", r -> r.key().equals(taskId), 1);
        assertThat(TestEvents.header(dead.get(0), "dead-letter-reason"), containsString("not a readable"));
        publishTask(taskId, kr, "DONE", 1);
        awaitProgress(kr, 1.0);
    }

    @Test
    void tasksOfAClosedCycleAreRecordedButDoNotMoveTheKeyResult() {
        String cycleId = cycle();
        String kr = tasksKeyResult(objective(cycleId));
        for (String phase : new String[] {"EXECUTION", "RETROSPECTIVE", "CLOSED"}) {
            asMember().body(Map.of("phase", phase)).post("/api/v1/cycles/" + cycleId + "/phase").then().statusCode(200);
        }
        String eventId = publishTask(UUID.randomUUID().toString(), kr, "DONE", 1);
        awaitProcessed(eventId);
        asViewer().get("/api/v1/key-results/" + kr).then().body("progress", is(0.0));
    }
}

package org.okrpm.project.events;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.okrpm.kit.testing.TestTokens.asMember;
import static org.okrpm.project.ProjectFixtures.changeStage;
import static org.okrpm.project.ProjectFixtures.keyResult;
import static org.okrpm.project.ProjectFixtures.project;
import static org.okrpm.project.ProjectFixtures.setStatus;
import static org.okrpm.project.ProjectFixtures.task;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.okrpm.kit.testing.EventContract;
import org.okrpm.kit.testing.TestBroker;
import org.okrpm.kit.testing.TestEvents;
import org.okrpm.project.task.TaskService;

/** What project-service publishes on project.tasks and project.projects, read back from the real broker. */
@QuarkusTest
class PublishedEventsTest {

    @Inject
    TaskService tasks;

    @Inject
    ObjectMapper mapper;

    private static List<ConsumerRecord<String, String>> taskRecords(String taskId, int atLeast) {
        return TestEvents.awaitRecords("project.tasks", r -> taskId.equals(r.key()), atLeast);
    }

    private static String type(ConsumerRecord<String, String> record) {
        return TestEvents.header(record, "ce_type");
    }

    @Test
    void everyTaskChangeIsPublishedWithItsTypeEnvelopeAndSnapshot() {
        String projectId = project();
        String first = keyResult();
        String second = keyResult();
        String taskId = asMember().header("X-Request-Id", "req-task-events")
                .body(Map.of("title", "Design the sign-up flow", "assigneeId", "bob", "keyResultId", first,
                        "weight", 2))
                .post("/api/v1/projects/" + projectId + "/tasks").then().statusCode(201).extract().path("id");
        setStatus(taskId, "DONE");
        setStatus(taskId, "IN_PROGRESS");
        asMember().body(Map.of("title", "Design the sign-up flow, v2")).patch("/api/v1/tasks/" + taskId)
                .then().statusCode(200);
        asMember().body(Map.of("keyResultId", second)).patch("/api/v1/tasks/" + taskId).then().statusCode(200);
        asMember().body(Map.of("status", "CANCELLED")).patch("/api/v1/tasks/" + taskId).then().statusCode(200);
        asMember().delete("/api/v1/tasks/" + taskId).then().statusCode(204);

        List<ConsumerRecord<String, String>> records = taskRecords(taskId, 7);
        assertThat(records.stream().map(PublishedEventsTest::type).toList(), is(List.of(
                "project.task.created", "project.task.completed", "project.task.reopened", "project.task.updated",
                "project.task.updated", "project.task.updated", "project.task.deleted")));
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, String> record = records.get(i);
            Map<String, String> headers = TestEvents.ceHeaders(record);
            assertThat(headers.get("ce_specversion"), is("1.0"));
            assertThat(headers.get("ce_source"), is("/project-service"));
            assertThat(headers.get("ce_subject"), is(taskId));
            assertThat(headers.get("ce_id"), matchesPattern("[0-9a-f-]{36}"));
            assertThat(headers.get("ce_time"), notNullValue());
            assertThat(headers.get("content-type"), is("application/json"));
            JsonPath snapshot = JsonPath.from(record.value());
            assertThat(snapshot.getString("id"), is(taskId));
            assertThat(snapshot.getString("projectId"), is(projectId));
            assertThat(snapshot.getLong("version"), is((long) i)); // created 0, then one version per change
            assertThat(snapshot.getDouble("weight"), is(2.0));
            EventContract.assertMatches(type(record), record.value());
        }
        assertThat(TestEvents.header(records.get(0), "ce_requestid"), is("req-task-events"));
        assertThat(records.stream().map(r -> TestEvents.header(r, "ce_id")).collect(Collectors.toSet()).size(),
                is(7));

        JsonPath created = JsonPath.from(records.get(0).value());
        assertThat(created.getString("status"), is("TODO"));
        assertThat(created.getString("keyResultId"), is(first));
        assertThat(created.getString("completedAt"), nullValue());
        assertThat(created.getString("title"), is("Design the sign-up flow"));
        assertThat(created.getString("assigneeId"), is("bob"));
        assertFalse(created.getMap("").containsKey("previousKeyResultId"));
        JsonPath completed = JsonPath.from(records.get(1).value());
        assertThat(completed.getString("status"), is("DONE"));
        assertThat(completed.getString("completedAt"), notNullValue());
        JsonPath reopened = JsonPath.from(records.get(2).value());
        assertThat(reopened.getString("status"), is("IN_PROGRESS"));
        assertThat(reopened.getString("completedAt"), nullValue());
        JsonPath moved = JsonPath.from(records.get(4).value());
        assertThat(moved.getString("keyResultId"), is(second));
        assertThat(moved.getString("previousKeyResultId"), is(first));
        JsonPath deleted = JsonPath.from(records.get(6).value());
        assertThat(deleted.getBoolean("deleted"), is(true));
        assertThat(deleted.getString("status"), is("CANCELLED"));
        assertThat(deleted.getString("keyResultId"), is(second));
    }

    @Test
    void aPatchThatChangesNothingPublishesNothing() {
        String taskId = task(project());
        asMember().body(Map.of()).patch("/api/v1/tasks/" + taskId).then().statusCode(200).body("version", is(0));
        setStatus(taskId, "DONE"); // a later change: once it is there, an event of the empty patch would be too
        List<ConsumerRecord<String, String>> records = taskRecords(taskId, 2);
        assertThat(records.stream().map(PublishedEventsTest::type).toList(),
                is(List.of("project.task.created", "project.task.completed")));
        assertThat(JsonPath.from(records.get(1).value()).getLong("version"), is(1L));
    }

    @Test
    void projectChangesAreAnnouncedAndDeletingAProjectDeletesItsTasks() {
        String kr = keyResult();
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", "Self-service onboarding",
                "ownerId", "carol", "startDate", "2026-10-01", "dueDate", "2026-12-15",
                "budget", Map.of("amount", 10000, "currency", "EUR"), "keyResultIds", List.of(kr)));
        String projectId = project(body);
        changeStage(projectId, "PLANNING");
        asMember().body(Map.of("name", "Self-service onboarding, phase 1")).patch("/api/v1/projects/" + projectId)
                .then().statusCode(200);
        String taskA = task(projectId, Map.of("keyResultId", kr));
        String taskB = task(projectId);
        asMember().delete("/api/v1/projects/" + projectId).then().statusCode(204);

        List<ConsumerRecord<String, String>> records = TestEvents.awaitRecords("project.projects",
                r -> projectId.equals(r.key()), 4);
        assertThat(records.stream().map(PublishedEventsTest::type).toList(), is(List.of("project.project.created",
                "project.project.stage-changed", "project.project.updated", "project.project.deleted")));
        records.forEach(r -> {
            assertThat(TestEvents.header(r, "ce_source"), is("/project-service"));
            assertThat(TestEvents.header(r, "ce_subject"), is(projectId));
            EventContract.assertMatches(type(r), r.value());
        });
        JsonPath created = JsonPath.from(records.get(0).value());
        assertThat(created.getString("id"), is(projectId));
        assertThat(created.getString("name"), is("Self-service onboarding"));
        assertThat(created.getString("ownerId"), is("carol"));
        assertThat(created.getString("stage"), is("INITIATION"));
        assertThat(created.getString("startDate"), is("2026-10-01"));
        assertThat(created.getString("dueDate"), is("2026-12-15"));
        assertThat(created.getDouble("budget.amount"), is(10000.0));
        assertThat(created.getString("budget.currency"), is("EUR"));
        assertThat(created.getList("keyResultIds"), is(List.of(kr)));
        assertThat(created.getBoolean("deleted"), is(false));
        assertThat(created.getLong("version"), is(0L));
        JsonPath staged = JsonPath.from(records.get(1).value());
        assertThat(staged.getString("stage"), is("PLANNING"));
        assertThat(staged.getLong("version"), is(1L));
        assertThat(JsonPath.from(records.get(2).value()).getLong("version"), is(2L));
        JsonPath deleted = JsonPath.from(records.get(3).value());
        assertThat(deleted.getBoolean("deleted"), is(true));
        assertThat(deleted.getLong("version"), is(3L));

        for (String taskId : List.of(taskA, taskB)) {
            List<ConsumerRecord<String, String>> taskEvents = taskRecords(taskId, 2);
            assertThat(type(taskEvents.get(1)), is("project.task.deleted"));
            JsonPath snapshot = JsonPath.from(taskEvents.get(1).value());
            assertThat(snapshot.getBoolean("deleted"), is(true));
            assertThat(snapshot.getString("projectId"), is(projectId));
            assertThat(snapshot.getLong("version"), is(1L));
        }
    }

    @Test
    void aRolledBackChangePublishesNothing() {
        String taskId = task(project());
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            tasks.update(UUID.fromString(taskId), null, mapper.valueToTree(Map.of("status", "DONE")));
            throw new IllegalStateException("the change fails after its event was written");
        }));
        asMember().body(Map.of("title", "Renamed")).patch("/api/v1/tasks/" + taskId).then().statusCode(200)
                .body("version", is(1)).body("status", is("TODO"));

        // same key, same partition: once the committed rename is there, the rolled-back completion would be too
        List<ConsumerRecord<String, String>> records = taskRecords(taskId, 2);
        assertThat(records.stream().map(PublishedEventsTest::type).toList(),
                is(List.of("project.task.created", "project.task.updated")));
    }

    @Test
    void tasksCompletedWhileTheBrokerIsDownArePublishedWhenItIsBack() {
        String projectId = project();
        String kr = keyResult();
        List<String> taskIds = List.of(task(projectId, Map.of("keyResultId", kr)),
                task(projectId, Map.of("keyResultId", kr)), task(projectId, Map.of("keyResultId", kr)),
                task(projectId, Map.of("keyResultId", kr)));
        taskIds.forEach(id -> taskRecords(id, 1)); // created events are out before the outage
        TestBroker.stop();
        try {
            taskIds.forEach(id -> setStatus(id, "DONE"));
        } finally {
            TestBroker.start();
        }
        Set<String> ids = Set.copyOf(taskIds);
        List<ConsumerRecord<String, String>> completed = TestEvents.awaitRecords("project.tasks",
                r -> ids.contains(r.key()) && "project.task.completed".equals(type(r)), 4);
        assertThat(completed.stream().map(ConsumerRecord::key).collect(Collectors.toSet()), is(ids));
        completed.forEach(r -> {
            assertThat(JsonPath.from(r.value()).getString("status"), is("DONE"));
            assertThat(JsonPath.from(r.value()).getLong("version"), is(1L));
        });
    }
}

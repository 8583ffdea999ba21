package org.okrpm.project.task;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.okrpm.kit.testing.ProblemAssertions.assertProblem;
import static org.okrpm.kit.testing.TestTokens.api;
import static org.okrpm.kit.testing.TestTokens.as;
import static org.okrpm.kit.testing.TestTokens.asMember;
import static org.okrpm.kit.testing.TestTokens.asViewer;
import static org.okrpm.project.ProjectFixtures.keyResult;
import static org.okrpm.project.ProjectFixtures.moveTo;
import static org.okrpm.project.ProjectFixtures.project;
import static org.okrpm.project.ProjectFixtures.setStatus;
import static org.okrpm.project.ProjectFixtures.task;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.okrpm.kit.testing.TestEvents;
import org.okrpm.project.keyresultwork.Rollups;
import org.okrpm.project.keyresultwork.Rollups.Rollup;

/** {@code POST /api/v1/tasks/bulk}: all changes or none, one rollup per key result. */
@QuarkusTest
class TaskBulkResourceTest {

    private static Map<String, Object> change(String taskId, Object... fields) {
        Map<String, Object> change = new HashMap<>();
        change.put("id", taskId);
        for (int i = 0; i < fields.length; i += 2) {
            change.put((String) fields[i], fields[i + 1]);
        }
        return change;
    }

    /** Tasks linked to no key result, written straight into the table: quicker than 497 POSTs. */
    private static List<String> unlinkedTasks(String projectId, int count) {
        return QuarkusTransaction.requiringNew().call(() -> IntStream.range(0, count).mapToObj(i -> {
            Task task = new Task();
            task.id = UUID.randomUUID();
            task.projectId = UUID.fromString(projectId);
            task.title = "Bulk " + i;
            task.weight = 1;
            task.status = TaskStatus.TODO;
            task.persist();
            return task.id.toString();
        }).toList());
    }

    private static ValidatableResponse bulk(List<Map<String, Object>> changes) {
        return asMember().body(Map.of("changes", changes)).post("/api/v1/tasks/bulk").then();
    }

    @Test
    void appliesEveryChangeAndRollsUpEachKeyResultOnce() {
        String first = project();
        String second = project();
        String krA = keyResult();
        String krB = keyResult();
        List<String> onA = List.of(task(first, Map.of("keyResultId", krA)), task(first, Map.of("keyResultId", krA)),
                task(second, Map.of("keyResultId", krA)));
        List<String> onB = List.of(task(second, Map.of("keyResultId", krB)), task(second, Map.of("keyResultId", krB)));
        String unlinked = task(first);

        List<Map<String, Object>> changes = List.of(
                change(onA.get(0), "status", "DONE"),
                change(onB.get(0), "status", "DONE", "weight", 2.5),
                change(onA.get(1), "status", "IN_PROGRESS", "title", "Renamed in bulk"),
                change(unlinked, "assigneeId", "dora"),
                change(onA.get(2), "status", "DONE", "weight", 0.5),
                change(onB.get(1), "status", "CANCELLED"));
        bulk(changes).statusCode(200)
                .body("tasks.id", is(List.of(onA.get(0), onB.get(0), onA.get(1), unlinked, onA.get(2), onB.get(1))))
                .body("tasks.status", is(List.of("DONE", "DONE", "IN_PROGRESS", "TODO", "DONE", "CANCELLED")))
                .body("tasks.version", is(List.of(1, 1, 1, 1, 1, 1)))
                .body("tasks[2].title", is("Renamed in bulk"))
                .body("tasks[3].assigneeId", is("dora"));
        asViewer().get("/api/v1/tasks/" + onA.get(2)).then().body("status", is("DONE")).body("weight", is(0.5))
                .body("completedAt", notNullValue());

        // 3 created on A, then the bulk: exactly one more
        Rollup a = Rollups.last(krA, 4);
        assertThat(a.counts(), is(List.of(0, 1, 2, 0)));
        assertThat(a.doneWeight(), is(new BigDecimal("1.5")));
        assertThat(a.countedWeight(), is(new BigDecimal("2.5")));
        assertThat(a.changedTaskIds(), containsInAnyOrder(onA.toArray()));
        Rollup b = Rollups.last(krB, 3);
        assertThat(b.counts(), is(List.of(0, 0, 1, 1)));
        assertThat(b.doneWeight(), is(new BigDecimal("2.5")));
        assertThat(b.countedWeight(), is(new BigDecimal("2.5")));
        assertThat(b.changedTaskIds(), containsInAnyOrder(onB.toArray()));
        // a later change is the next sequence: the bulk published no second rollup of either
        setStatus(onA.get(1), "DONE");
        assertThat(Rollups.last(krA, 5).counts(), is(List.of(0, 0, 3, 0)));

        // and each task its own project.tasks event, as PATCH publishes it
        assertThat(TestEvents.header(TestEvents.awaitRecords("project.tasks", r -> onB.get(1).equals(r.key()), 2)
                .get(1), "ce_type"), is("project.task.updated"));
        assertThat(TestEvents.header(TestEvents.awaitRecords("project.tasks", r -> onA.get(0).equals(r.key()), 2)
                .get(1), "ce_type"), is("project.task.completed"));
    }

    @Test
    void aTaskMovedInABulkRollsUpBothKeyResults() {
        String projectId = project();
        String from = keyResult();
        String to = keyResult();
        String moving = task(projectId, Map.of("keyResultId", from, "weight", 4));
        String staying = task(projectId, Map.of("keyResultId", from));
        bulk(List.of(change(moving, "keyResultId", to, "status", "DONE"), change(staying, "status", "DONE")))
                .statusCode(200).body("tasks[0].keyResultId", is(to));
        Rollup left = Rollups.last(from, 3);
        assertThat(left.counts(), is(List.of(0, 0, 1, 0)));
        assertThat(left.countedWeight(), is(new BigDecimal("1")));
        assertThat(left.changedTaskIds(), is(List.of(moving, staying)));
        Rollup joined = Rollups.last(to, 1);
        assertThat(joined.doneWeight(), is(new BigDecimal("4")));
        assertThat(joined.changedTaskIds(), is(List.of(moving)));
    }

    @Test
    void oneInvalidChangeFailsTheWholeBulkNamingItsIndexAndNothingChanges() {
        String projectId = project();
        String kr = keyResult();
        String good = task(projectId, Map.of("keyResultId", kr));
        String other = task(projectId, Map.of("keyResultId", kr));
        String unknownTask = UUID.randomUUID().toString();
        Map<String, Object> noId = new HashMap<>(Map.of("status", "DONE"));
        List<Map.Entry<String, List<Map<String, Object>>>> cases = List.of(
                Map.entry("changes[1].weight", List.of(change(good, "status", "DONE"), change(other, "weight", -1))),
                Map.entry("changes[0].weight", List.of(change(good, "weight", 2_000_000), change(other, "status", "DONE"))),
                Map.entry("changes[1].id", List.of(change(good, "status", "DONE"), change(unknownTask, "status", "DONE"))),
                Map.entry("changes[1].id", List.of(change(good, "status", "DONE"), noId)),
                Map.entry("changes[1].status", List.of(change(good, "status", "DONE"), change(other, "status", "FINISHED"))),
                Map.entry("changes[2].id", List.of(change(good, "status", "DONE"), change(other, "status", "DONE"),
                        change(good, "title", "Twice"))),
                Map.entry("changes[1].keyResultId", List.of(change(good, "status", "DONE"),
                        change(other, "keyResultId", UUID.randomUUID().toString()))),
                Map.entry("changes[1].projectId", List.of(change(good, "status", "DONE"),
                        change(other, "projectId", UUID.randomUUID().toString()))));
        for (var failing : cases) {
            assertProblem(bulk(failing.getValue()), 422)
                    .body("errors.field", is(List.of(failing.getKey())))
                    .body("detail", containsString("1 of " + failing.getValue().size() + " changes cannot be applied"));
        }

        asViewer().get("/api/v1/tasks/" + good).then().body("status", is("TODO")).body("version", is(0))
                .body("title", not("Twice"));
        asViewer().get("/api/v1/tasks/" + other).then().body("status", is("TODO")).body("version", is(0));
        // nothing was published: the next change is sequence 3 (after the two creations)
        setStatus(other, "IN_PROGRESS");
        assertThat(Rollups.last(kr, 3).counts(), is(List.of(1, 1, 0, 0)));
    }

    @Test
    void everyFailingChangeIsListed() {
        String projectId = project();
        String a = task(projectId);
        String b = task(projectId);
        String c = task(projectId);
        assertProblem(bulk(List.of(change(a, "weight", 0, "title", ""), change(b, "status", "DONE"),
                change(c, "dueDate", "soon"))), 422)
                .body("errors.field", is(List.of("changes[0].title", "changes[0].weight", "changes[2].dueDate")))
                .body("detail", containsString("2 of 3 changes"));
        asViewer().get("/api/v1/tasks/" + b).then().body("status", is("TODO"));
    }

    @Test
    void aChangeToATaskOfAClosedProjectFailsTheBulk() {
        String open = project();
        String closed = project();
        String openTask = task(open);
        String closedTask = task(closed);
        setStatus(closedTask, "DONE");
        moveTo(closed, "CLOSED");
        assertProblem(bulk(List.of(change(openTask, "status", "DONE"), change(closedTask, "title", "Too late"))), 422)
                .body("errors.field", is(List.of("changes[1]")))
                .body("errors[0].message", containsString("CLOSED"));
        asViewer().get("/api/v1/tasks/" + openTask).then().body("status", is("TODO"));
    }

    @Test
    void oneToFiveHundredChanges() {
        String projectId = project();
        String kr = keyResult();
        List<String> ids = IntStream.range(0, 3).mapToObj(i -> task(projectId, Map.of("keyResultId", kr))).toList();
        List<Map<String, Object>> tooMany = new ArrayList<>();
        IntStream.range(0, 501).forEach(i -> tooMany.add(change(ids.get(i % 3), "status", "DONE")));
        assertProblem(bulk(tooMany), 400).body("errors.field", hasItem("changes"));
        assertProblem(bulk(List.of()), 400).body("errors.field", hasItem("changes"));
        assertProblem(asMember().body(Map.of()).post("/api/v1/tasks/bulk").then(), 400)
                .body("errors.field", hasItem("changes"));
        asViewer().get("/api/v1/tasks/" + ids.get(0)).then().body("status", is("TODO"));

        // 500 distinct tasks in one go: one rollup
        List<String> many = new ArrayList<>(ids);
        many.addAll(unlinkedTasks(projectId, 497));
        List<Map<String, Object>> all = many.stream().map(id -> change(id, "keyResultId", kr, "status", "DONE"))
                .toList();
        bulk(all).statusCode(200).body("tasks.size()", is(500));
        Rollup rollup = Rollups.last(kr, 4);
        assertThat(rollup.counts(), is(List.of(0, 0, 500, 0)));
        assertThat(rollup.doneWeight(), is(new BigDecimal("500")));
        assertThat(rollup.changedTaskIds().size(), is(50));
    }

    @Test
    void sameRolesAsPatchAndIdempotencyKeysAreHonoured() {
        String projectId = project();
        String kr = keyResult();
        String taskId = task(projectId, Map.of("keyResultId", kr));
        Map<String, Object> body = Map.of("changes", List.of(change(taskId, "status", "IN_PROGRESS")));
        assertProblem(asViewer().body(body).post("/api/v1/tasks/bulk").then(), 403);
        as("jira-bot", "integrator").body(body).post("/api/v1/tasks/bulk").then().statusCode(200)
                .body("tasks[0].status", is("IN_PROGRESS"));

        String key = UUID.randomUUID().toString();
        Map<String, Object> done = Map.of("changes", List.of(change(taskId, "status", "DONE")));
        asMember().header("Idempotency-Key", key).body(done).post("/api/v1/tasks/bulk").then().statusCode(200)
                .body("tasks[0].version", is(2));
        asMember().header("Idempotency-Key", key).body(done).post("/api/v1/tasks/bulk").then().statusCode(200)
                .header("Idempotent-Replayed", "true").body("tasks[0].version", is(2));
        asViewer().get("/api/v1/tasks/" + taskId).then().body("version", is(2));
        setStatus(taskId, "TODO");
        assertThat(Rollups.last(kr, 4).counts(), is(List.of(1, 0, 0, 0))); // the replay made no rollup
    }

    @Test
    void isDocumentedInOpenApi() {
        String operation = "paths.'/api/v1/tasks/bulk'.post.";
        api().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body(operation + "summary", is("Change many tasks at once"))
                .body(operation + "requestBody.content.'application/json'.schema.$ref",
                        is("#/components/schemas/TaskBulkRequest"))
                .body(operation + "responses.'200'.content.'application/json'.schema.$ref",
                        is("#/components/schemas/TaskBulkResult"))
                .body(operation + "responses.'422'.description", containsString("nothing was changed"))
                .body(operation + "parameters.name", hasItem("Idempotency-Key"))
                .body("components.schemas.TaskBulkRequest.properties.changes.maxItems", is(500))
                .body("components.schemas.TaskBulkRequest.properties.changes.items.$ref",
                        is("#/components/schemas/TaskBulkChange"))
                .body("components.schemas.TaskBulkChange.properties.keySet()", hasItem("weight"))
                .body("components.schemas.TaskCreate.properties.weight.maximum", is(1000000));
    }
}

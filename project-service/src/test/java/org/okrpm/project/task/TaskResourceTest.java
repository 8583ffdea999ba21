package org.okrpm.project.task;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.okrpm.kit.testing.TestTokens.asMember;
import static org.okrpm.kit.testing.TestTokens.asViewer;
import static org.okrpm.project.ProjectFixtures.keyResult;
import static org.okrpm.project.ProjectFixtures.project;
import static org.okrpm.project.ProjectFixtures.setStatus;
import static org.okrpm.project.ProjectFixtures.task;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TaskResourceTest {

    @Test
    void createdTaskStartsTodoWithWeightOneAndLocationAndETag() {
        String projectId = project();
        String kr = keyResult();
        var created = asMember()
                .body(Map.of("title", "Design the sign-up flow", "description", "Three screens at most",
                        "assigneeId", "bob", "dueDate", "2026-11-30", "keyResultId", kr))
                .post("/api/v1/projects/" + projectId + "/tasks")
                .then().statusCode(201)
                .body("projectId", is(projectId))
                .body("title", is("Design the sign-up flow"))
                .body("assigneeId", is("bob"))
                .body("dueDate", is("2026-11-30"))
                .body("keyResultId", is(kr))
                .body("weight", is(1.0))
                .body("status", is("TODO"))
                .body("completedAt", nullValue())
                .body("version", is(0))
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location"), endsWith("/api/v1/tasks/" + id));
        asViewer().get("/api/v1/tasks/" + id).then().statusCode(200).header("ETag", is("\"0\"")).body("id", is(id));
    }

    @Test
    void weightMustBeGreaterThanZeroAndAtMostOneMillion() {
        String projectId = project();
        String taskId = task(projectId);
        for (String weight : new String[] {"0", "-1", "1000000.5", "2e6", "1e309", "-1e309"}) {
            asMember().body("{\"title\": \"t\", \"weight\": " + weight + "}")
                    .post("/api/v1/projects/" + projectId + "/tasks")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", is("weight"));
            asMember().body("{\"weight\": " + weight + "}").patch("/api/v1/tasks/" + taskId)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", is("weight"));
        }
        asViewer().get("/api/v1/tasks/" + taskId).then().body("weight", is(1.0)).body("version", is(0));
        asMember().body(Map.of("title", "t", "weight", 2.5)).post("/api/v1/projects/" + projectId + "/tasks")
                .then().statusCode(201).body("weight", is(2.5));
        asMember().body(Map.of("weight", 1_000_000)).patch("/api/v1/tasks/" + taskId)
                .then().statusCode(200).body("weight", is(1_000_000.0));
    }

    @Test
    void completedAtIsSetWhenDoneAndClearedWhenItLeavesDone() {
        String id = task(project());
        asMember().body(Map.of("status", "IN_PROGRESS")).patch("/api/v1/tasks/" + id)
                .then().statusCode(200).body("status", is("IN_PROGRESS")).body("completedAt", nullValue());
        String completedAt = asMember().body(Map.of("status", "DONE")).patch("/api/v1/tasks/" + id)
                .then().statusCode(200).body("status", is("DONE")).body("completedAt", notNullValue())
                .body("version", is(2)).extract().path("completedAt");
        asMember().body(Map.of("title", "Renamed while done")).patch("/api/v1/tasks/" + id)
                .then().statusCode(200).body("completedAt", is(completedAt));
        asMember().body(Map.of("status", "TODO")).patch("/api/v1/tasks/" + id)
                .then().statusCode(200).body("completedAt", nullValue());
        setStatus(id, "DONE");
        asMember().body(Map.of("status", "CANCELLED")).patch("/api/v1/tasks/" + id)
                .then().statusCode(200).body("completedAt", nullValue());
    }

    @Test
    void patchChangesTheOtherFields() {
        String kr = keyResult();
        String id = task(project());
        asMember().contentType("application/merge-patch+json")
                .body(Map.of("title", "New title", "assigneeId", "dora", "dueDate", "2026-12-01", "weight", 3,
                        "keyResultId", kr))
                .patch("/api/v1/tasks/" + id)
                .then().statusCode(200)
                .header("ETag", is("\"1\""))
                .body("title", is("New title"))
                .body("assigneeId", is("dora"))
                .body("dueDate", is("2026-12-01"))
                .body("weight", is(3.0))
                .body("keyResultId", is(kr));
        Map<String, Object> unlink = new HashMap<>();
        unlink.put("keyResultId", null);
        asMember().body(unlink).patch("/api/v1/tasks/" + id).then().statusCode(200).body("keyResultId", nullValue());
        asMember().body(Map.of("projectId", UUID.randomUUID().toString())).patch("/api/v1/tasks/" + id)
                .then().statusCode(400).body("errors[0].field", is("projectId"));
        asMember().body(Map.of("status", "FINISHED")).patch("/api/v1/tasks/" + id)
                .then().statusCode(400).body("errors[0].field", is("status"));
    }

    @Test
    void unknownKeyResultIsA422OnCreateAndPatch() {
        String projectId = project();
        String unknown = UUID.randomUUID().toString();
        asMember().body(Map.of("title", "t", "keyResultId", unknown)).post("/api/v1/projects/" + projectId + "/tasks")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", is("keyResultId"));
        asMember().body(Map.of("keyResultId", unknown)).patch("/api/v1/tasks/" + task(projectId))
                .then().statusCode(422).body("errors[0].field", is("keyResultId"));
    }

    @Test
    void unknownProjectIsA404() {
        asMember().body(Map.of("title", "t")).post("/api/v1/projects/" + UUID.randomUUID() + "/tasks")
                .then().statusCode(404).contentType("application/problem+json");
        asViewer().get("/api/v1/projects/" + UUID.randomUUID() + "/tasks").then().statusCode(404);
        asViewer().get("/api/v1/tasks/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void listFiltersByStatusAssigneeAndKeyResultWithPagination() {
        String projectId = project();
        String kr = keyResult();
        String first = task(projectId, Map.of("assigneeId", "bob", "keyResultId", kr));
        String second = task(projectId, Map.of("assigneeId", "bob"));
        String third = task(projectId, Map.of("assigneeId", "carl", "keyResultId", kr));
        setStatus(second, "DONE");
        task(project(), Map.of("assigneeId", "bob"));

        String path = "/api/v1/projects/" + projectId + "/tasks";
        asViewer().get(path).then().statusCode(200)
                .body("items.id", contains(first, second, third))
                .body("totalItems", is(3)).body("page", is(0)).body("size", is(20)).body("totalPages", is(1));
        asViewer().queryParam("size", 2).queryParam("page", 1).get(path)
                .then().body("items.id", contains(third)).body("totalPages", is(2));
        asViewer().queryParam("status", "DONE").get(path).then().body("items.id", contains(second));
        asViewer().queryParam("assigneeId", "bob").get(path).then().body("items.id", contains(first, second));
        asViewer().queryParam("keyResultId", kr).get(path).then().body("items.id", contains(first, third));
        asViewer().queryParam("keyResultId", kr).queryParam("assigneeId", "carl").get(path)
                .then().body("items.id", contains(third));
        asViewer().queryParam("status", "LATER").get(path).then().statusCode(400);
    }

    @Test
    void deleteRemovesTheTaskAndItsShareOfProgress() {
        String projectId = project();
        setStatus(task(projectId), "DONE");
        String open = task(projectId);
        asViewer().get("/api/v1/projects/" + projectId).then().body("progress", is(0.5));
        asMember().header("If-Match", "\"0\"").delete("/api/v1/tasks/" + open).then().statusCode(204);
        asViewer().get("/api/v1/tasks/" + open).then().statusCode(404);
        asViewer().get("/api/v1/projects/" + projectId).then().body("progress", is(1.0)).body("taskStats.total", is(1));
    }

    @Test
    void staleIfMatchIsA412AndChangesNothing() {
        String id = task(project());
        asMember().header("If-Match", "\"3\"").body(Map.of("status", "DONE")).patch("/api/v1/tasks/" + id)
                .then().statusCode(412).contentType("application/problem+json");
        asMember().header("If-Match", "\"3\"").delete("/api/v1/tasks/" + id).then().statusCode(412);
        asViewer().get("/api/v1/tasks/" + id).then().statusCode(200).body("status", is("TODO"));
    }

    @Test
    void tasksAreFoundByTitleIgnoringCaseAndSortedByDueDateAndTitle() {
        String projectId = project();
        String a = task(projectId, Map.of("title", "Write the Release notes", "dueDate", "2027-01-10"));
        String b = task(projectId, Map.of("title", "ship the release", "dueDate", "2027-01-05"));
        String c = task(projectId, Map.of("title", "Plan the launch", "dueDate", "2027-01-05"));
        String d = task(projectId, Map.of("title", "Call the press"));
        String tasks = "/api/v1/projects/" + projectId + "/tasks";

        asViewer().queryParam("q", "RELEASE").get(tasks)
                .then().statusCode(200).body("items.id", contains(a, b));
        asViewer().queryParam("q", " ").get(tasks).then().statusCode(200).body("totalItems", is(4));
        asViewer().queryParam("sort", "dueDate,title").get(tasks)
                .then().statusCode(200).body("items.id", contains(c, b, a, d));
        asViewer().queryParam("sort", "-dueDate,-title").get(tasks)
                .then().statusCode(200).body("items.id", contains(d, a, b, c));
        asViewer().queryParam("sort", "-createdAt").queryParam("q", "the").get(tasks)
                .then().statusCode(200).body("items.id", contains(d, c, b, a));
        asViewer().queryParam("sort", "status").get(tasks)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", is("sort"));
    }
}

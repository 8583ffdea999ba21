package org.okrpm.project.task;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.okrpm.kit.testing.TestTokens.asViewer;
import static org.okrpm.project.ProjectFixtures.project;
import static org.okrpm.project.ProjectFixtures.task;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code ?dueBefore=} on a project's tasks (status, assignee and key result are in TaskResourceTest). */
@QuarkusTest
class TaskListFiltersTest {

    @Test
    void dueBeforeKeepsTasksDueEarlierThanTheDay() {
        String projectId = project();
        String november = task(projectId, Map.of("dueDate", "2026-11-15", "assigneeId", "bob"));
        task(projectId, Map.of("dueDate", "2026-12-01"));
        String october = task(projectId, Map.of("dueDate", "2026-10-31"));
        task(projectId);
        String path = "/api/v1/projects/" + projectId + "/tasks";

        asViewer().queryParam("dueBefore", "2026-12-01").get(path)
                .then().statusCode(200)
                .body("items.id", contains(november, october)) // the day itself and undated tasks are out
                .body("totalItems", is(2));
        asViewer().queryParam("dueBefore", "2026-12-01").queryParam("sort", "dueDate").get(path)
                .then().body("items.id", contains(october, november));
        asViewer().queryParam("dueBefore", "2026-12-01").queryParam("assigneeId", "bob").get(path)
                .then().body("items.id", contains(november));
    }

    @Test
    void aMalformedDueBeforeIsA400NamingIt() {
        asViewer().queryParam("dueBefore", "next week").get("/api/v1/projects/" + project() + "/tasks")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("dueBefore"))
                .body("errors[0].message", containsString("YYYY-MM-DD"));
    }
}

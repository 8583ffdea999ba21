package org.okrpm.project.task;

import static org.hamcrest.Matchers.is;
import static org.okrpm.kit.testing.TestTokens.as;
import static org.okrpm.kit.testing.TestTokens.asAdmin;
import static org.okrpm.kit.testing.TestTokens.asMemberOf;
import static org.okrpm.kit.testing.TestTokens.asViewer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A project's tasks may be changed by whoever may change the project, by integrators, and by an API key bound to
 * projects only in those.
 */
@QuarkusTest
class TaskOwnershipTest {

    private static String rule(String projectId) {
        return "Only the owner, the creator, a member of team growth or an admin may change the tasks of project "
                + projectId;
    }

    /** Created by carl for olivia, in team growth. */
    private static String project() {
        return as("carl", "member").body(Map.of("name", "Onboarding", "ownerId", "olivia", "teamId", "growth"))
                .post("/api/v1/projects").then().statusCode(201).extract().path("id");
    }

    private static String task(String projectId) {
        return as("carl", "member").body(Map.of("title", "Write the guide"))
                .post("/api/v1/projects/" + projectId + "/tasks").then().statusCode(201).extract().path("id");
    }

    private static RequestSpecification stranger() {
        return asMemberOf("mallory", "sales");
    }

    private static RequestSpecification boundTo(String projectId) {
        return as("pm-bot", Map.of("projects", List.of(projectId)), "integrator");
    }

    @Test
    void theOwnerTheCreatorATeamMemberAnAdminAndIntegratorsMayChangeTasks() {
        String projectId = project();
        String taskId = task(projectId);
        as("olivia", "member").body(Map.of("status", "IN_PROGRESS")).patch("/api/v1/tasks/" + taskId)
                .then().statusCode(200).body("status", is("IN_PROGRESS"));
        asMemberOf("tom", "growth").body(Map.of("title", "Team task")).post("/api/v1/projects/" + projectId + "/tasks")
                .then().statusCode(201);
        asAdmin().body(Map.of("weight", 2)).patch("/api/v1/tasks/" + taskId).then().statusCode(200);
        as("ivy", "integrator").body(Map.of("status", "DONE")).patch("/api/v1/tasks/" + taskId)
                .then().statusCode(200).body("status", is("DONE"));
        asMemberOf("tom", "growth").delete("/api/v1/tasks/" + taskId).then().statusCode(204);
    }

    @Test
    void anyOtherMemberGetsA403NamingTheRuleAndNothingChanges() {
        String projectId = project();
        String taskId = task(projectId);
        stranger().body(Map.of("title", "Mine")).post("/api/v1/projects/" + projectId + "/tasks")
                .then().statusCode(403).contentType("application/problem+json").body("detail", is(rule(projectId)));
        stranger().body(Map.of("status", "DONE")).patch("/api/v1/tasks/" + taskId)
                .then().statusCode(403).contentType("application/problem+json").body("detail", is(rule(projectId)));
        stranger().delete("/api/v1/tasks/" + taskId).then().statusCode(403).body("detail", is(rule(projectId)));
        asViewer().body(Map.of("status", "DONE")).patch("/api/v1/tasks/" + taskId).then().statusCode(403);
        asViewer().get("/api/v1/projects/" + projectId).then().body("taskStats.total", is(1));
        asViewer().get("/api/v1/tasks/" + taskId).then().statusCode(200).body("status", is("TODO"));
    }

    @Test
    void aBulkChangeWithOneTaskTheCallerMayNotChangeIsRefusedAsAWhole() {
        String mine = as("mallory", "member").body(Map.of("name", "Mallory's"))
                .post("/api/v1/projects").then().statusCode(201).extract().path("id");
        String myTask = as("mallory", "member").body(Map.of("title", "Mine"))
                .post("/api/v1/projects/" + mine + "/tasks").then().statusCode(201).extract().path("id");
        String theirs = project();
        String theirTask = task(theirs);

        stranger().body(Map.of("changes", List.of(Map.of("id", myTask, "status", "DONE"),
                        Map.of("id", theirTask, "status", "DONE"))))
                .post("/api/v1/tasks/bulk")
                .then().statusCode(403).contentType("application/problem+json").body("detail", is(rule(theirs)));
        asViewer().get("/api/v1/tasks/" + myTask).then().body("status", is("TODO"));
        asViewer().get("/api/v1/tasks/" + theirTask).then().body("status", is("TODO"));

        stranger().body(Map.of("changes", List.of(Map.of("id", myTask, "status", "DONE"))))
                .post("/api/v1/tasks/bulk").then().statusCode(200).body("tasks[0].status", is("DONE"));
    }

    @Test
    void anApiKeyBoundToProjectsChangesOnlyTheirTasks() {
        String bound = project();
        String boundTask = task(bound);
        String other = project();
        String otherTask = task(other);

        boundTo(bound).body(Map.of("status", "DONE")).patch("/api/v1/tasks/" + boundTask)
                .then().statusCode(200).body("status", is("DONE"));
        boundTo(bound).body(Map.of("status", "DONE")).patch("/api/v1/tasks/" + otherTask)
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", is("This API key is bound to other projects; it may not change the tasks of project "
                        + other));
        boundTo(bound).delete("/api/v1/tasks/" + otherTask).then().statusCode(403);
        boundTo(bound).body(Map.of("changes", List.of(Map.of("id", boundTask, "status", "TODO"),
                        Map.of("id", otherTask, "status", "DONE"))))
                .post("/api/v1/tasks/bulk").then().statusCode(403);
        asViewer().get("/api/v1/tasks/" + otherTask).then().body("status", is("TODO"));
        asViewer().get("/api/v1/tasks/" + boundTask).then().body("status", is("DONE"));
    }
}

package org.okrpm.project.http;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.okrpm.kit.testing.ProblemAssertions.assertProblem;
import static org.okrpm.kit.testing.TestTokens.api;
import static org.okrpm.kit.testing.TestTokens.as;
import static org.okrpm.kit.testing.TestTokens.asAdmin;
import static org.okrpm.kit.testing.TestTokens.asMember;
import static org.okrpm.kit.testing.TestTokens.asViewer;
import static org.okrpm.project.ProjectFixtures.project;
import static org.okrpm.project.ProjectFixtures.projectBody;
import static org.okrpm.project.ProjectFixtures.task;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.okrpm.kit.testing.HttpConventionsContract;

/**
 * The conventions of docs/api.md: the kit's {@link HttpConventionsContract} run on project-service's projects, plus
 * what only project-service's endpoints show (tasks, the integrator role, stage and cost endpoints).
 */
@QuarkusTest
class HttpConventionsTest extends HttpConventionsContract {

    @Override
    protected String listPath() {
        return "/api/v1/projects";
    }

    @Override
    protected String createPath() {
        return "/api/v1/projects";
    }

    @Override
    protected Map<String, Object> validCreateBody() {
        Map<String, Object> body = projectBody();
        body.put("ownerId", "conv-" + UUID.randomUUID());
        return body;
    }

    @Override
    protected int countCreatedFrom(Map<String, Object> body) {
        return asViewer().queryParam("ownerId", body.get("ownerId")).get("/api/v1/projects")
                .then().statusCode(200).extract().path("totalItems");
    }

    @Override
    protected String itemPathPrefix() {
        return "/api/v1/projects/";
    }

    private static RequestSpecification asIntegrator() {
        return as("jira-bot", "integrator");
    }

    @Test
    void wrongTypesAndMissingFieldsAre400Problems() {
        Map<String, Object> body = projectBody();
        body.put("startDate", "soon");
        assertProblem(asMember().body(body).post("/api/v1/projects").then(), 400)
                .body("errors[0].field", is("startDate"));
        assertProblem(asMember().body(Map.of("title", "t", "weight", "heavy"))
                .post("/api/v1/projects/" + project() + "/tasks").then(), 400)
                .body("errors[0].field", is("weight"));
        assertProblem(asMember().body(Map.of()).post("/api/v1/projects").then(), 400)
                .body("errors.field", hasItem("name"));
    }

    @Test
    void aTaskIdThatIsNoUuidIsNotFound() {
        assertProblem(asViewer().get("/api/v1/tasks/42").then(), 404);
    }

    @Test
    void pageSizeOutOfRangeOnTasksIsA400() {
        assertProblem(asViewer().queryParam("size", 0).get("/api/v1/projects/" + project() + "/tasks").then(), 400);
    }

    @Test
    void viewerReadsButCannotWriteAnything() {
        String projectId = project();
        String taskId = task(projectId);
        asViewer().get("/api/v1/projects").then().statusCode(200);
        asViewer().get("/api/v1/projects/" + projectId + "/health").then().statusCode(200);
        asViewer().get("/api/v1/tasks/" + taskId).then().statusCode(200);
        assertProblem(asViewer().body(projectBody()).post("/api/v1/projects").then(), 403);
        assertProblem(asViewer().body(Map.of("name", "x")).patch("/api/v1/projects/" + projectId).then(), 403);
        assertProblem(asViewer().delete("/api/v1/projects/" + projectId).then(), 403);
        assertProblem(asViewer().body(Map.of("stage", "PLANNING"))
                .post("/api/v1/projects/" + projectId + "/stage").then(), 403);
        assertProblem(asViewer().body(Map.of("amount", 1, "incurredOn", "2026-11-01", "currency", "EUR"))
                .post("/api/v1/projects/" + projectId + "/costs").then(), 403);
        assertProblem(asViewer().body(Map.of("title", "t")).post("/api/v1/projects/" + projectId + "/tasks").then(), 403);
        assertProblem(asViewer().body(Map.of("status", "DONE")).patch("/api/v1/tasks/" + taskId).then(), 403);
        assertProblem(asViewer().delete("/api/v1/tasks/" + taskId).then(), 403);
    }

    @Test
    void integratorMayWorkOnTasksButNotOnProjects() {
        String projectId = project();
        String taskId = task(projectId);
        asIntegrator().get("/api/v1/tasks/" + taskId).then().statusCode(200);
        asIntegrator().body(Map.of("status", "DONE")).patch("/api/v1/tasks/" + taskId)
                .then().statusCode(200).body("status", is("DONE"));
        asIntegrator().delete("/api/v1/tasks/" + task(projectId)).then().statusCode(204);
        assertProblem(asIntegrator().body(projectBody()).post("/api/v1/projects").then(), 403);
        assertProblem(asIntegrator().get("/api/v1/projects").then(), 403);
        assertProblem(asIntegrator().get("/api/v1/projects/" + projectId).then(), 403);
        assertProblem(asIntegrator().body(Map.of("title", "t"))
                .post("/api/v1/projects/" + projectId + "/tasks").then(), 403);
        assertProblem(asIntegrator().get("/api/v1/projects/" + projectId + "/tasks").then(), 403);
    }

    @Test
    void adminMayDoEverything() {
        String projectId = asAdmin().body(projectBody()).post("/api/v1/projects").then().statusCode(201)
                .body("ownerId", is("ada")).extract().path("id");
        String taskId = asAdmin().body(Map.of("title", "t")).post("/api/v1/projects/" + projectId + "/tasks")
                .then().statusCode(201).extract().path("id");
        asAdmin().body(Map.of("status", "DONE")).patch("/api/v1/tasks/" + taskId).then().statusCode(200);
        asAdmin().body(Map.of("stage", "CANCELLED")).post("/api/v1/projects/" + projectId + "/stage")
                .then().statusCode(200);
    }

    @Test
    void noTokenIsA401OnTasksToo() {
        assertProblem(api().get("/api/v1/tasks/" + UUID.randomUUID()).then(), 401);
    }

    @Test
    void openApiDocumentsEveryEndpoint() {
        api().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.keySet()", hasItems("/api/v1/projects", "/api/v1/projects/{id}/stage",
                        "/api/v1/projects/{id}/health", "/api/v1/projects/{projectId}/costs",
                        "/api/v1/projects/{projectId}/tasks", "/api/v1/tasks/{id}"))
                .body("paths.'/api/v1/projects/{id}/stage'.post.responses.'409'.description", containsString("openTasks"))
                .body("paths.'/api/v1/projects/{id}/health'.get.description", containsString("OFF_TRACK"))
                .body("paths.'/api/v1/tasks/{id}'.patch.responses.'412'.description", notNullValue())
                .body("paths.'/api/v1/projects'.post.responses.'422'.description", notNullValue())
                .body("components.schemas.Problem", notNullValue());
    }
}

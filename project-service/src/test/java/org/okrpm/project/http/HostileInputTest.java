package org.okrpm.project.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.okrpm.kit.testing.ProblemAssertions.assertProblem;
import static org.okrpm.kit.testing.TestTokens.asMember;
import static org.okrpm.kit.testing.TestTokens.asViewer;
import static org.okrpm.project.ProjectFixtures.project;
import static org.okrpm.project.ProjectFixtures.projectBody;
import static org.okrpm.project.ProjectFixtures.projectWithBudget;
import static org.okrpm.project.ProjectFixtures.task;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.okrpm.kit.testing.HostileInputContract;

/**
 * The kit's {@link HostileInputContract} on project-service's projects, plus its own numbers: a task weight of
 * {@code 1e309} or a 400-digit integer used to be stored as Infinity and break the project for everyone (500 on
 * every read); budgets and costs are bounded by the same rule (|x| < 10^12, 4 decimals).
 */
@QuarkusTest
class HostileInputTest extends HostileInputContract {

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
        body.put("ownerId", "hostile-" + UUID.randomUUID());
        return body;
    }

    @Override
    protected String textField() {
        return "name";
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

    @Test
    void anInfiniteOrHugeTaskWeightIsA400AndTheProjectStaysReadable() {
        String projectId = project();
        String tasks = "/api/v1/projects/" + projectId + "/tasks";
        assertProblem(asMember().body("{\"title\": \"heavy\", \"weight\": 1e309}").post(tasks).then(), 400)
                .body("errors[0].field", is("weight"));
        assertProblem(asMember().body("{\"title\": \"heavy\", \"weight\": " + "9".repeat(400) + "}").post(tasks)
                .then(), 400).body("errors[0].field", is("weight"));
        assertProblem(asMember().body("{\"title\": \"heavy\", \"weight\": NaN}").post(tasks).then(), 400)
                .body("errors[0].field", is("weight"));
        String taskId = task(projectId);
        assertProblem(asMember().body("{\"weight\": 1e309}").patch("/api/v1/tasks/" + taskId).then(), 400)
                .body("errors[0].field", is("weight"));
        asViewer().get("/api/v1/projects/" + projectId).then().statusCode(200);
        asViewer().get(tasks).then().statusCode(200).body("totalItems", is(1)).body("items[0].weight", is(1.0));
    }

    @Test
    void budgetsAndCostsAreBoundedByTheKitsRule() {
        Map<String, Object> body = validCreateBody();
        body.put("budget", Map.of("amount", 1e15, "currency", "EUR"));
        assertProblem(asMember().body(body).post("/api/v1/projects").then(), 400)
                .body("errors[0].field", is("budget.amount"));
        assertProblem(asMember().body("{\"amount\": 1000000000000, \"incurredOn\": \"2026-11-20\", \"currency\": \"EUR\"}")
                .post("/api/v1/projects/" + projectWithBudget() + "/costs").then(), 400)
                .body("errors[0].field", is("amount"));
        assertThat(countCreatedFrom(body), is(0));
    }

    @Test
    void projectDatesAreStringsOfDatesFrom1900To9999() {
        Map<String, Object> body = validCreateBody();
        body.put("dueDate", "+999999999-12-31");
        assertProblem(asMember().body(body).post("/api/v1/projects").then(), 400)
                .body("errors[0].field", is("dueDate"));
        body.put("dueDate", 12345);
        assertProblem(asMember().body(body).post("/api/v1/projects").then(), 400)
                .body("errors[0].field", is("dueDate"));
        assertThat(countCreatedFrom(body), is(0));
    }
}

package org.okrpm.project.project;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.okrpm.kit.testing.TestTokens.asMember;
import static org.okrpm.kit.testing.TestTokens.asViewer;
import static org.okrpm.project.ProjectFixtures.moveTo;
import static org.okrpm.project.ProjectFixtures.project;
import static org.okrpm.project.ProjectFixtures.projectWithBudget;
import static org.okrpm.project.ProjectFixtures.setStatus;
import static org.okrpm.project.ProjectFixtures.task;

import io.restassured.response.ValidatableResponse;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProjectStageTest {

    private static ValidatableResponse stage(String projectId, String stage) {
        return asMember().body(Map.of("stage", stage)).post("/api/v1/projects/" + projectId + "/stage").then();
    }

    @Test
    void stagesMoveForwardOneStepAtATime() {
        String id = project();
        stage(id, "PLANNING").statusCode(200).body("stage", is("PLANNING")).body("version", is(1))
                .header("ETag", is("\"1\""));
        stage(id, "EXECUTION").statusCode(200).body("stage", is("EXECUTION"));
        stage(id, "CLOSED").statusCode(200).body("stage", is("CLOSED")).body("version", is(3));
    }

    @Test
    void skippingAStageIsA409() {
        String id = project();
        stage(id, "EXECUTION").statusCode(409).contentType("application/problem+json");
        stage(id, "CLOSED").statusCode(409);
        asViewer().get("/api/v1/projects/" + id).then().body("stage", is("INITIATION"));
    }

    @Test
    void goingBackOrStayingIsA409() {
        String id = moveTo(project(), "EXECUTION");
        stage(id, "PLANNING").statusCode(409).contentType("application/problem+json");
        stage(id, "INITIATION").statusCode(409);
        stage(id, "EXECUTION").statusCode(409);
    }

    @Test
    void anyOpenStageMayBeCancelled() {
        for (String from : new String[] {"INITIATION", "PLANNING", "EXECUTION"}) {
            String id = moveTo(project(), from);
            task(id);
            stage(id, "CANCELLED").statusCode(200).body("stage", is("CANCELLED"));
        }
    }

    @Test
    void finalStagesAreFinal() {
        String cancelled = moveTo(project(), "CANCELLED");
        stage(cancelled, "PLANNING").statusCode(409);
        stage(cancelled, "CANCELLED").statusCode(409);
        String closed = moveTo(project(), "CLOSED");
        stage(closed, "CANCELLED").statusCode(409);
        stage(closed, "CLOSED").statusCode(409);
    }

    @Test
    void closingWithOpenTasksIsA409ListingThem() {
        String id = moveTo(project(), "EXECUTION");
        String todo = task(id, Map.of("title", "Write the runbook"));
        String doing = task(id, Map.of("title", "Migrate the data"));
        String done = task(id);
        String cancelled = task(id);
        setStatus(doing, "IN_PROGRESS");
        setStatus(done, "DONE");
        setStatus(cancelled, "CANCELLED");

        stage(id, "CLOSED").statusCode(409)
                .contentType("application/problem+json")
                .body("status", is(409))
                .body("openTaskCount", is(2))
                .body("openTasks.id", containsInAnyOrder(todo, doing))
                .body("openTasks.find { it.id == '" + todo + "' }.title", is("Write the runbook"))
                .body("openTasks.find { it.id == '" + todo + "' }.status", is("TODO"))
                .body("openTasks.find { it.id == '" + doing + "' }.status", is("IN_PROGRESS"))
                .body("openTasks.id", not(hasItem(done)));
        asViewer().get("/api/v1/projects/" + id).then().body("stage", is("EXECUTION"));
    }

    @Test
    void closingWhenEveryTaskIsDoneOrCancelled() {
        String id = moveTo(project(), "EXECUTION");
        setStatus(task(id), "DONE");
        setStatus(task(id), "CANCELLED");
        stage(id, "CLOSED").statusCode(200).body("stage", is("CLOSED")).body("progress", is(1.0));
    }

    @Test
    void aClosedOrCancelledProjectAndItsTasksCannotChange() {
        for (String finalStage : new String[] {"CLOSED", "CANCELLED"}) {
            String id = moveTo(projectWithBudget(), "EXECUTION");
            String taskId = task(id);
            setStatus(taskId, "DONE");
            stage(id, finalStage).statusCode(200);

            asMember().body(Map.of("name", "Too late")).patch("/api/v1/projects/" + id)
                    .then().statusCode(409).contentType("application/problem+json");
            asMember().body(Map.of("amount", 5, "incurredOn", "2026-11-02"))
                    .post("/api/v1/projects/" + id + "/costs").then().statusCode(409);
            asMember().body(Map.of("title", "One more")).post("/api/v1/projects/" + id + "/tasks")
                    .then().statusCode(409);
            asMember().body(Map.of("status", "TODO")).patch("/api/v1/tasks/" + taskId).then().statusCode(409);
            asMember().delete("/api/v1/tasks/" + taskId).then().statusCode(409);
            asMember().delete("/api/v1/projects/" + id).then().statusCode(409);

            asViewer().get("/api/v1/tasks/" + taskId).then().statusCode(200).body("status", is("DONE"));
            asViewer().get("/api/v1/projects/" + id).then().statusCode(200).body("actualCost", is(0));
        }
    }

    @Test
    void unknownStageValueIsA400() {
        stage(project(), "DONE").statusCode(400).body("errors[0].field", is("stage"));
    }
}

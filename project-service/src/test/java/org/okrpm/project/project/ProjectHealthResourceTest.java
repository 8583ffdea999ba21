package org.okrpm.project.project;

import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.okrpm.kit.testing.TestTokens.asMember;
import static org.okrpm.kit.testing.TestTokens.asViewer;
import static org.okrpm.project.ProjectFixtures.project;
import static org.okrpm.project.ProjectFixtures.projectBody;
import static org.okrpm.project.ProjectFixtures.setStatus;
import static org.okrpm.project.ProjectFixtures.task;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The health endpoint over real data; the thresholds themselves are in ProjectHealthCalculatorTest. */
@QuarkusTest
class ProjectHealthResourceTest {

    private static String projectRunning(int daysAgo, int daysAhead) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, Object> body = projectBody();
        body.put("startDate", today.minusDays(daysAgo).toString());
        body.put("dueDate", today.plusDays(daysAhead).toString());
        body.put("budget", Map.of("amount", 1000, "currency", "EUR"));
        return project(body);
    }

    @Test
    void halfwayWithHalfTheWorkAndHalfTheBudgetIsOnTrack() {
        String id = projectRunning(10, 10);
        setStatus(task(id), "DONE");
        task(id);
        asMember().body(Map.of("amount", 500, "incurredOn", "2026-11-01")).post("/api/v1/projects/" + id + "/costs")
                .then().statusCode(201);
        asViewer().get("/api/v1/projects/" + id + "/health")
                .then().statusCode(200)
                .body("progress", is(0.5))
                .body("timeElapsed", is(0.5))
                .body("budgetUsed", is(0.5))
                .body("status", is("ON_TRACK"))
                .body("asOf", is(LocalDate.now(ZoneOffset.UTC).toString()));
    }

    @Test
    void pastDueWithWorkLeftIsOffTrack() {
        String id = projectRunning(20, -1);
        task(id);
        asViewer().get("/api/v1/projects/" + id + "/health")
                .then().statusCode(200)
                .body("timeElapsed", is(1.0))
                .body("budgetUsed", is(0.0))
                .body("status", is("OFF_TRACK"));
    }

    @Test
    void overBudgetIsOffTrack() {
        String id = projectRunning(10, 10);
        asMember().body(Map.of("amount", 1100.5, "incurredOn", "2026-11-01"))
                .post("/api/v1/projects/" + id + "/costs").then().statusCode(201);
        asViewer().get("/api/v1/projects/" + id + "/health")
                .then().body("budgetUsed", is(1.1005)).body("status", is("OFF_TRACK"));
    }

    @Test
    void withoutDatesOrBudgetTheirFiguresAreNull() {
        asViewer().get("/api/v1/projects/" + project() + "/health")
                .then().statusCode(200)
                .body("progress", is(0.0))
                .body("timeElapsed", nullValue())
                .body("budgetUsed", nullValue())
                .body("status", is("ON_TRACK"));
    }
}

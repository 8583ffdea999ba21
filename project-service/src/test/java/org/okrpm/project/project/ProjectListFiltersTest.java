package org.okrpm.project.project;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.okrpm.kit.testing.TestTokens.asMember;
import static org.okrpm.kit.testing.TestTokens.asViewer;
import static org.okrpm.project.ProjectFixtures.keyResultOfCycle;
import static org.okrpm.project.ProjectFixtures.project;
import static org.okrpm.project.ProjectFixtures.projectBody;
import static org.okrpm.project.ProjectFixtures.setStatus;
import static org.okrpm.project.ProjectFixtures.task;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Health embedded in the project representation, and the list filters by health and by cycle. */
@QuarkusTest
class ProjectListFiltersTest {

    private static final String TODAY = LocalDate.now(ZoneOffset.UTC).toString();

    /** Half the time gone; {@code doneTasks} of two tasks done. */
    private static String halfwayProject(String ownerId, int doneTasks) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, Object> body = projectBody();
        body.put("ownerId", ownerId);
        body.put("startDate", today.minusDays(10).toString());
        body.put("dueDate", today.plusDays(10).toString());
        String id = project(body);
        for (int i = 0; i < 2; i++) {
            String task = task(id);
            if (i < doneTasks) {
                setStatus(task, "DONE");
            }
        }
        return id;
    }

    @Test
    void aProjectCarriesItsHealthAsTheHealthEndpointGivesIt() {
        String id = halfwayProject("owner-" + UUID.randomUUID(), 0);
        Map<String, Object> health = asViewer().get("/api/v1/projects/" + id + "/health")
                .then().statusCode(200).extract().jsonPath().getMap("$");
        asViewer().get("/api/v1/projects/" + id)
                .then().statusCode(200)
                .body("health", is(health))
                .body("health.status", is("OFF_TRACK"))
                .body("health.timeElapsed", is(0.5))
                .body("health.progress", is(0.0))
                .body("health.asOf", is(TODAY));
    }

    @Test
    void listsCarryHealthAndFilterByIt() {
        String owner = "owner-" + UUID.randomUUID();
        String onTrack = halfwayProject(owner, 1);
        String offTrack = halfwayProject(owner, 0);
        String alsoOnTrack = halfwayProject(owner, 2);

        asViewer().queryParam("ownerId", owner).get("/api/v1/projects")
                .then().statusCode(200)
                .body("items.id", contains(onTrack, offTrack, alsoOnTrack))
                .body("items.health.status", contains("ON_TRACK", "OFF_TRACK", "ON_TRACK"));
        asViewer().queryParam("ownerId", owner).queryParam("health", "OFF_TRACK").get("/api/v1/projects")
                .then().statusCode(200)
                .body("items.id", contains(offTrack))
                .body("totalItems", is(1));
        // paged after filtering: the totals count the healthy ones only
        asViewer().queryParam("ownerId", owner).queryParam("health", "ON_TRACK")
                .queryParam("size", 1).queryParam("page", 1).get("/api/v1/projects")
                .then().statusCode(200)
                .body("items.id", contains(alsoOnTrack))
                .body("totalItems", is(2)).body("totalPages", is(2));
        asViewer().queryParam("ownerId", owner).queryParam("health", "AT_RISK").get("/api/v1/projects")
                .then().statusCode(200).body("items", empty()).body("totalItems", is(0));
        asViewer().queryParam("ownerId", owner).queryParam("health", "ON_TRACK").queryParam("sort", "-createdAt")
                .get("/api/v1/projects")
                .then().body("items.id", contains(alsoOnTrack, onTrack));
    }

    @Test
    void stageAndHealthCombine() {
        String owner = "owner-" + UUID.randomUUID();
        String initiation = halfwayProject(owner, 0);
        String planning = halfwayProject(owner, 0);
        asMember().body(Map.of("stage", "PLANNING")).post("/api/v1/projects/" + planning + "/stage")
                .then().statusCode(200);
        asViewer().queryParam("ownerId", owner).queryParam("stage", "PLANNING").queryParam("health", "OFF_TRACK")
                .get("/api/v1/projects")
                .then().statusCode(200).body("items.id", contains(planning));
        asViewer().queryParam("ownerId", owner).queryParam("stage", "INITIATION").get("/api/v1/projects")
                .then().statusCode(200).body("items.id", contains(initiation));
    }

    @Test
    void cycleIdKeepsTheProjectsLinkedToAKeyResultOfThatCycle() {
        UUID cycle = UUID.randomUUID();
        String krOfCycle = keyResultOfCycle(cycle);
        String otherKrOfCycle = keyResultOfCycle(cycle);
        String krElsewhere = keyResultOfCycle(UUID.randomUUID());
        Map<String, Object> first = projectBody();
        first.put("keyResultIds", List.of(krElsewhere, krOfCycle));
        String firstId = project(first);
        Map<String, Object> second = projectBody();
        second.put("keyResultIds", List.of(otherKrOfCycle, krOfCycle));
        String secondId = project(second);
        Map<String, Object> elsewhere = projectBody();
        elsewhere.put("keyResultIds", List.of(krElsewhere));
        project(elsewhere);
        project();

        asViewer().queryParam("cycleId", cycle.toString()).get("/api/v1/projects")
                .then().statusCode(200)
                .body("items.id", contains(firstId, secondId)) // each once, however many of its key results match
                .body("totalItems", is(2));
        asViewer().queryParam("cycleId", UUID.randomUUID().toString()).get("/api/v1/projects")
                .then().statusCode(200).body("items", empty());
    }

    @Test
    void malformedFiltersAreA400NamingThem() {
        asViewer().queryParam("health", "GREEN").get("/api/v1/projects")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("health"))
                .body("errors[0].message", containsString("AT_RISK"));
        asViewer().queryParam("cycleId", "2026-Q4").get("/api/v1/projects")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("cycleId"));
    }
}

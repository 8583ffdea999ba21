package org.okrpm.project.events;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.okrpm.kit.testing.TestTokens.asMember;
import static org.okrpm.project.ProjectFixtures.keyResultOfCycle;
import static org.okrpm.project.ProjectFixtures.project;
import static org.okrpm.project.ProjectFixtures.projectBody;
import static org.okrpm.project.ProjectFixtures.setStatus;
import static org.okrpm.project.ProjectFixtures.task;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.okrpm.kit.testing.EventContract;
import org.okrpm.kit.testing.TestEvents;
import org.okrpm.project.keyresult.KeyResultReplica;
import org.okrpm.project.project.ProjectHealthSweep;

/**
 * project.project.health-changed: announced when the computed health of a project moves, in the transaction of
 * the change that moved it or by the daily sweep; project and task snapshots carry the objectives and cycles of
 * their key results.
 */
@QuarkusTest
class ProjectHealthEventsTest {

    @Inject
    ProjectHealthSweep sweep;

    /** Half of its time gone: OFF_TRACK with nothing done, ON_TRACK with everything done. */
    private static Map<String, Object> halfwayProject() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, Object> body = projectBody();
        body.put("startDate", today.minusDays(10).toString());
        body.put("dueDate", today.plusDays(10).toString());
        return body;
    }

    private static List<ConsumerRecord<String, String>> projectRecords(String projectId, int atLeast) {
        return TestEvents.awaitRecords("project.projects", r -> projectId.equals(r.key()), atLeast);
    }

    private static List<String> types(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> TestEvents.header(r, "ce_type")).toList();
    }

    @Test
    void aTaskChangeThatFlipsTheHealthAnnouncesIt() {
        String projectId = project(halfwayProject());
        String taskId = task(projectId);
        setStatus(taskId, "DONE"); // progress 1: ON_TRACK
        task(projectId); // progress 0.5, behind by 0: still ON_TRACK, nothing announced
        setStatus(taskId, "TODO"); // progress 0: OFF_TRACK again
        asMember().body(Map.of("name", "Renamed")).patch("/api/v1/projects/" + projectId).then().statusCode(200);

        List<ConsumerRecord<String, String>> records = projectRecords(projectId, 4);
        assertThat(types(records), is(List.of("project.project.created", "project.project.health-changed",
                "project.project.health-changed", "project.project.updated")));
        List<String> health = records.stream().map(r -> JsonPath.from(r.value()).getString("health")).toList();
        assertThat(health, is(List.of("OFF_TRACK", "ON_TRACK", "OFF_TRACK", "OFF_TRACK")));
        // health is derived: announcing it does not make a version
        assertThat(JsonPath.from(records.get(2).value()).getLong("version"), is(0L));
        EventContract.assertMatches("project.project.health-changed", records.get(1).value());
        asMember().get("/api/v1/projects/" + projectId).then().statusCode(200).body("version", is(1))
                .body("health.status", is("OFF_TRACK"));
    }

    @Test
    void aCostOverTheBudgetAnnouncesIt() {
        Map<String, Object> body = projectBody();
        body.put("budget", Map.of("amount", 100, "currency", "EUR"));
        String projectId = project(body);
        asMember().body(Map.of("amount", 150, "incurredOn", LocalDate.now(ZoneOffset.UTC).toString()))
                .post("/api/v1/projects/" + projectId + "/costs").then().statusCode(201);

        List<ConsumerRecord<String, String>> records = projectRecords(projectId, 2);
        assertThat(types(records), is(List.of("project.project.created", "project.project.health-changed")));
        assertThat(JsonPath.from(records.get(1).value()).getString("health"), is("OFF_TRACK"));
    }

    @Test
    void theDailySweepAnnouncesWhatTheDateChangedOnce() {
        String projectId = project(halfwayProject());
        // as if it was ON_TRACK yesterday and the days gone since made it OFF_TRACK
        QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager()
                .createNativeQuery("update project set published_health = 'ON_TRACK' where id = :id")
                .setParameter("id", UUID.fromString(projectId)).executeUpdate());

        assertThat(sweep.sweep(), greaterThanOrEqualTo(1));
        assertThat(sweep.sweep(), is(0)); // a second replica, or a second run: nothing new
        asMember().body(Map.of("name", "Renamed")).patch("/api/v1/projects/" + projectId).then().statusCode(200);

        List<ConsumerRecord<String, String>> records = projectRecords(projectId, 3);
        assertThat(types(records), is(List.of("project.project.created", "project.project.health-changed",
                "project.project.updated")));
        assertThat(JsonPath.from(records.get(1).value()).getString("health"), is("OFF_TRACK"));
    }

    @Test
    void snapshotsCarryTheObjectivesAndCyclesOfTheirKeyResults() {
        UUID cycle = UUID.randomUUID();
        String kr = keyResultOfCycle(cycle);
        UUID objective = QuarkusTransaction.requiringNew().call(
                () -> KeyResultReplica.<KeyResultReplica>findById(UUID.fromString(kr)).objectiveId);
        Map<String, Object> body = projectBody();
        body.put("keyResultIds", List.of(kr));
        String projectId = project(body);
        String linked = task(projectId, Map.of("keyResultId", kr));
        String unlinked = task(projectId);

        JsonPath project = JsonPath.from(projectRecords(projectId, 1).get(0).value());
        assertThat(project.getList("cycleIds"), is(List.of(cycle.toString())));
        assertThat(project.getList("objectiveIds"), is(List.of(objective.toString())));
        JsonPath linkedTask = JsonPath.from(TestEvents.awaitRecords("project.tasks", r -> linked.equals(r.key()), 1)
                .get(0).value());
        assertThat(linkedTask.getString("cycleId"), is(cycle.toString()));
        assertThat(linkedTask.getString("objectiveId"), is(objective.toString()));
        JsonPath unlinkedTask = JsonPath.from(TestEvents.awaitRecords("project.tasks",
                r -> unlinked.equals(r.key()), 1).get(0).value());
        assertThat(unlinkedTask.getString("cycleId"), is((String) null));
        EventContract.assertMatches("project.task.created", unlinkedTask.prettify());
    }
}

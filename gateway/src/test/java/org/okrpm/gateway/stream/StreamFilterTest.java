package org.okrpm.gateway.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.okrpm.kit.envelope.IncomingEvent;

/** Which events a filter and a viewer select, from the ids and audience the snapshots carry. */
class StreamFilterTest {

    private final String cycle = UUID.randomUUID().toString();
    private final String objective = UUID.randomUUID().toString();
    private final String project = UUID.randomUUID().toString();

    private static StreamEvent event(String ceType, JsonObject snapshot) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("topic", 0, 7, snapshot.getString("id"),
                snapshot.encode());
        IncomingEvent incoming = new IncomingEvent("e-1", ceType, snapshot.getString("id"), "topic",
                snapshot.encode(), Instant.now(), null);
        return StreamEvent.of(record, incoming).orElseThrow();
    }

    private static StreamFilter filter(String name, String value) {
        return StreamFilter.parse(MultiMap.caseInsensitiveMultiMap().add(name, value));
    }

    private StreamEvent task(String cycleId, String objectiveId) {
        return event("project.task.completed", new JsonObject().put("id", UUID.randomUUID().toString())
                .put("projectId", project).put("cycleId", cycleId).put("objectiveId", objectiveId));
    }

    private StreamEvent project(String type, String... cycleIds) {
        return event(type, new JsonObject().put("id", project).put("health", "AT_RISK")
                .put("cycleIds", new JsonArray(java.util.List.of((Object[]) cycleIds)))
                .put("objectiveIds", new JsonArray().add(objective.toUpperCase())));
    }

    @Test
    void cycleAndObjectiveFiltersSelectTheTasksAndProjectsLinkedToTheirKeyResults() {
        String otherCycle = UUID.randomUUID().toString();
        StreamFilter byCycle = filter("cycleId", cycle);
        StreamFilter byObjective = filter("objectiveId", objective);
        StreamFilter byProject = filter("projectId", project);

        StreamEvent linkedTask = task(cycle, objective);
        StreamEvent unlinkedTask = task(null, null);
        StreamEvent health = project("project.project.health-changed", otherCycle, cycle);
        StreamEvent otherCyclesProject = project("project.project.updated", otherCycle);

        assertTrue(byCycle.matches(linkedTask));
        assertTrue(byObjective.matches(linkedTask));
        assertFalse(byCycle.matches(unlinkedTask));
        assertFalse(byObjective.matches(unlinkedTask));
        assertTrue(byCycle.matches(health), "a project linked to key results of two cycles is in both");
        assertTrue(byObjective.matches(health), "ids are compared case-insensitively");
        assertFalse(byCycle.matches(otherCyclesProject));
        assertEquals("project.health-changed", health.name());
        assertTrue(filter("types", "project.health-changed").matches(health));
        for (StreamEvent event : new StreamEvent[] {linkedTask, unlinkedTask, health, otherCyclesProject}) {
            assertTrue(byProject.matches(event), event.name());
        }
    }

    @Test
    void aPrivateObjectiveAndItsKeyResultsAreSeenByItsOwnerCreatorTeamAndAdminsOnly() {
        StreamEvent privateObjective = event("okr.objective.updated", new JsonObject().put("id", objective)
                .put("cycleId", cycle).put("visibility", "PRIVATE").put("ownerId", "olga").put("createdBy", "carl")
                .put("teamId", "growth"));
        StreamEvent privateKeyResult = event("okr.key-result.progress-changed", new JsonObject()
                .put("id", UUID.randomUUID().toString()).put("objectiveId", objective).put("cycleId", cycle)
                .put("objectiveVisibility", "PRIVATE").put("objectiveOwnerId", "olga")
                .put("objectiveTeamId", "growth"));
        StreamEvent publicObjective = event("okr.objective.updated", new JsonObject().put("id", objective)
                .put("visibility", "PUBLIC").put("ownerId", "olga"));
        StreamEvent before = event("okr.objective.updated", new JsonObject().put("id", objective)); // no field

        StreamViewer stranger = new StreamViewer("sam", Set.of("sales"), false);
        StreamViewer owner = new StreamViewer("olga", Set.of(), false);
        StreamViewer creator = new StreamViewer("carl", Set.of(), false);
        StreamViewer teammate = new StreamViewer("tom", Set.of("sales", "growth"), false);
        StreamViewer admin = new StreamViewer("ada", Set.of(), true);

        assertFalse(stranger.maySee(privateObjective));
        assertFalse(stranger.maySee(privateKeyResult));
        for (StreamViewer allowed : new StreamViewer[] {owner, creator, teammate, admin}) {
            assertTrue(allowed.maySee(privateObjective), allowed.subject());
        }
        assertTrue(owner.maySee(privateKeyResult));
        assertTrue(teammate.maySee(privateKeyResult));
        assertTrue(admin.maySee(privateKeyResult));
        assertTrue(stranger.maySee(publicObjective));
        assertTrue(stranger.maySee(before));
        assertTrue(stranger.maySee(task(cycle, objective)));
    }

    @Test
    void aPrivateObjectiveWithoutOwnerOrTeamIsForAdminsOnly() {
        StreamEvent orphan = event("okr.objective.created", new JsonObject().put("id", objective)
                .put("visibility", "PRIVATE").putNull("ownerId").putNull("teamId"));
        assertFalse(new StreamViewer(null, Set.of(), false).maySee(orphan));
        assertFalse(new StreamViewer("sam", Set.of(), false).maySee(orphan));
        assertTrue(new StreamViewer("ada", Set.of(), true).maySee(orphan));
    }
}

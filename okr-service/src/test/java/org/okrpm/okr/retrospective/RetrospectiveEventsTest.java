package org.okrpm.okr.retrospective;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.okrpm.kit.events.DeadLetter;
import org.okrpm.kit.testing.EventContract;
import org.okrpm.kit.testing.TestEvents;
import org.okrpm.okr.retrospective.RetrospectiveReplicas.Coverage;

/** okr-service ← checkin.retrospectives, through the real broker and database: the retrospective replica. */
@QuarkusTest
class RetrospectiveEventsTest {

    private static final String TOPIC = "checkin.retrospectives";
    private static final String WRITTEN = "checkin.retrospective.written";

    @Inject
    RetrospectiveReplicas replicas;

    private static String retrospective(UUID id, UUID cycleId, UUID objectiveId, String teamId, long version) {
        return "{\"id\":\"" + id + "\",\"cycleId\":\"" + cycleId + "\",\"objectiveId\":"
                + (objectiveId == null ? "null" : "\"" + objectiveId + "\"") + ",\"teamId\":"
                + (teamId == null ? "null" : "\"" + teamId + "\"") + ",\"wentWell\":\"x\",\"authorId\":\"erin\","
                + "\"version\":" + version + "}";
    }

    private static String publish(UUID cycleId, String type, String json) {
        String eventId = TestEvents.publish(TOPIC, cycleId.toString(), type, json);
        TestEvents.awaitConsumed("okr-service", eventId);
        return eventId;
    }

    @Test
    void objectiveAndWholeCycleRetrospectivesAreKept() {
        UUID cycle = UUID.randomUUID();
        UUID objective = UUID.randomUUID();
        publish(cycle, WRITTEN, retrospective(UUID.randomUUID(), cycle, objective, null, 0));
        publish(cycle, WRITTEN, retrospective(UUID.randomUUID(), cycle, null, "team-a", 0));
        Coverage coverage = replicas.coverage(cycle);
        assertThat(coverage.objectiveIds(), is(Set.of(objective)));
        assertThat(coverage.teamIds(), is(Set.of("team-a")));
        assertThat(coverage.covers(UUID.randomUUID(), "team-a"), is(true));
        assertThat(coverage.covers(UUID.randomUUID(), "team-b"), is(false));
        assertThat(replicas.coverage(UUID.randomUUID()).objectiveIds().isEmpty(), is(true));
    }

    @Test
    void theContractSamplesAreApplied() {
        UUID cycle = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        publish(cycle, WRITTEN, EventContract.sample(WRITTEN,
                Map.of("id", id.toString(), "cycleId", cycle.toString())));
        publish(cycle, "checkin.retrospective.updated", EventContract.sample("checkin.retrospective.updated",
                Map.of("id", id.toString(), "cycleId", cycle.toString())));
        RetrospectiveReplica row = QuarkusTransaction.requiringNew().call(() -> RetrospectiveReplica.findById(id));
        assertThat(row.version, is(1L));
        assertThat(row.cycleId, is(cycle));
    }

    @Test
    void aRedeliveredOrOlderSnapshotChangesNothing() {
        UUID cycle = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        UUID objective = UUID.randomUUID();
        String newer = retrospective(id, cycle, objective, null, 2);
        String eventId = publish(cycle, "checkin.retrospective.updated", newer);
        TestEvents.publish(TOPIC, cycle.toString(), "checkin.retrospective.updated", newer, eventId); // redelivered
        publish(cycle, WRITTEN, retrospective(id, cycle, UUID.randomUUID(), null, 0)); // late and older
        RetrospectiveReplica row = QuarkusTransaction.requiringNew().call(() -> RetrospectiveReplica.findById(id));
        assertThat(row.version, is(2L));
        assertThat(row.objectiveId, is(objective));
        assertThat(QuarkusTransaction.requiringNew().call(() -> RetrospectiveReplica.count("cycleId", cycle)), is(1L));
    }

    @Test
    void aSnapshotWithoutWhatTheReplicaNeedsIsDeadLettered() {
        UUID cycle = UUID.randomUUID();
        String incomplete = TestEvents.publish(TOPIC, cycle.toString(), WRITTEN,
                retrospective(UUID.randomUUID(), cycle, null, null, 0));
        String unknownType = TestEvents.publish(TOPIC, cycle.toString(), "checkin.retrospective.exploded",
                retrospective(UUID.randomUUID(), cycle, UUID.randomUUID(), null, 0));
        UUID next = UUID.randomUUID();
        publish(cycle, WRITTEN, retrospective(UUID.randomUUID(), cycle, next, null, 0));
        for (String eventId : new String[] {incomplete, unknownType}) {
            await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                    .call(() -> DeadLetter.count("eventId", eventId)) == 1L);
        }
        assertThat(replicas.coverage(cycle).objectiveIds(), is(Set.of(next)));
    }
}

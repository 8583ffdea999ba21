package org.okrpm.checkin.events;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.okrpm.kit.testing.TestTokens.asMember;
import static org.okrpm.kit.testing.TestTokens.asViewer;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.okrpm.checkin.OkrPayloads;
import org.okrpm.checkin.okr.CyclePhase;
import org.okrpm.checkin.okr.CycleReplica;
import org.okrpm.checkin.okr.KeyResultReplica;
import org.okrpm.checkin.okr.ObjectiveReplica;
import org.okrpm.kit.testing.EventContract;
import org.okrpm.kit.testing.TestEvents;

/** checkin-service ← okr.key-results, okr.objectives, okr.cycles, through the real broker and database. */
@QuarkusTest
class OkrEventsTest {

    private static String publishCycle(UUID id, String type, String phase, long version) {
        return TestEvents.publish("okr.cycles", id.toString(), type, OkrPayloads.cycle(id, phase, version));
    }

    private static String publishObjective(UUID id, UUID cycleId, String ownerId, boolean deleted, long version) {
        return TestEvents.publish("okr.objectives", id.toString(),
                deleted ? "okr.objective.deleted" : "okr.objective.created",
                OkrPayloads.objective(id, cycleId, ownerId, deleted, version));
    }

    private static String publishKeyResult(UUID id, UUID objectiveId, UUID cycleId, String source, boolean deleted,
                                           long version) {
        return TestEvents.publish("okr.key-results", id.toString(),
                deleted ? "okr.key-result.deleted" : "okr.key-result.created",
                OkrPayloads.keyResult(id, objectiveId, cycleId, source, deleted, version));
    }

    private static void awaitProcessed(String eventId) {
        TestEvents.awaitConsumed("checkin-service", eventId);
    }

    private static CycleReplica cycleReplica(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> CycleReplica.<CycleReplica>findById(id));
    }

    private static int checkIn(UUID keyResultId) {
        return asMember().body(Map.of("keyResultId", keyResultId.toString(), "value", 42, "confidence", 0.5))
                .post("/api/v1/check-ins").then().extract().statusCode();
    }

    /** A cycle, objective and MANUAL key result, all arrived by event; returns the key result id. */
    private static UUID keyResultByEvents(UUID cycleId, String phase, String ownerId) {
        UUID objectiveId = UUID.randomUUID();
        UUID kr = UUID.randomUUID();
        awaitProcessed(publishCycle(cycleId, "okr.cycle.created", phase, 0));
        awaitProcessed(publishObjective(objectiveId, cycleId, ownerId, false, 0));
        awaitProcessed(publishKeyResult(kr, objectiveId, cycleId, "MANUAL", false, 0));
        return kr;
    }

    @Test
    void aKeyResultThatArrivedByEventTakesCheckIns() {
        UUID kr = UUID.randomUUID();
        assertThat(checkIn(kr), is(422));

        UUID cycleId = UUID.randomUUID();
        UUID objectiveId = UUID.randomUUID();
        awaitProcessed(publishCycle(cycleId, "okr.cycle.created", "EXECUTION", 0));
        awaitProcessed(publishObjective(objectiveId, cycleId, "olivia", false, 0));
        awaitProcessed(publishKeyResult(kr, objectiveId, cycleId, "MANUAL", false, 0));

        assertThat(checkIn(kr), is(201));
        KeyResultReplica replica = QuarkusTransaction.requiringNew().call(() -> KeyResultReplica.findById(kr));
        assertThat(replica.title, is("Grow MRR to 130k"));
        assertThat(replica.objectiveId, is(objectiveId));
        ObjectiveReplica objective = QuarkusTransaction.requiringNew().call(() -> ObjectiveReplica.findById(objectiveId));
        assertThat(objective.ownerId, is("olivia"));
    }

    /** The contract sample of {@code type} with the given fields replaced, published on {@code topic}. */
    private static String publishSample(String topic, UUID key, String type, Map<String, ?> fields) {
        return TestEvents.publish(topic, key.toString(), type, EventContract.sample(type, fields));
    }

    @Test
    void theContractSamplesAreApplied() {
        UUID cycleId = UUID.randomUUID();
        UUID objectiveId = UUID.randomUUID();
        UUID kr = UUID.randomUUID();
        String owner = "owner-" + UUID.randomUUID();
        awaitProcessed(publishSample("okr.cycles", cycleId, "okr.cycle.created",
                Map.of("id", cycleId, "name", "Q-" + cycleId)));
        assertThat(cycleReplica(cycleId).phase, is(CyclePhase.PLANNING));
        awaitProcessed(publishSample("okr.cycles", cycleId, "okr.cycle.updated",
                Map.of("id", cycleId, "name", "Q-" + cycleId)));
        assertThat(cycleReplica(cycleId).version, is(1L));
        awaitProcessed(publishSample("okr.objectives", objectiveId, "okr.objective.created",
                Map.of("id", objectiveId, "cycleId", cycleId, "ownerId", owner)));
        awaitProcessed(publishSample("okr.objectives", objectiveId, "okr.objective.updated",
                Map.of("id", objectiveId, "cycleId", cycleId, "ownerId", owner)));
        awaitProcessed(publishSample("okr.key-results", kr, "okr.key-result.created",
                Map.of("id", kr, "objectiveId", objectiveId, "cycleId", cycleId)));
        assertThat(checkIn(kr), is(409)); // the cycle is still in PLANNING

        awaitProcessed(publishSample("okr.cycles", cycleId, "okr.cycle.phase-changed",
                Map.of("id", cycleId, "name", "Q-" + cycleId)));
        assertThat(cycleReplica(cycleId).phase, is(CyclePhase.EXECUTION));
        assertThat(checkIn(kr), is(201));
        awaitProcessed(publishSample("okr.key-results", kr, "okr.key-result.updated",
                Map.of("id", kr, "objectiveId", objectiveId, "cycleId", cycleId)));
        KeyResultReplica replica = QuarkusTransaction.requiringNew().call(() -> KeyResultReplica.findById(kr));
        assertThat(replica.title, is("Grow MRR to 130k"));
        assertThat(replica.objectiveId, is(objectiveId));
        ObjectiveReplica objective = QuarkusTransaction.requiringNew().call(() -> ObjectiveReplica.findById(objectiveId));
        assertThat(objective.ownerId, is(owner));

        awaitProcessed(publishSample("okr.key-results", kr, "okr.key-result.deleted",
                Map.of("id", kr, "objectiveId", objectiveId, "cycleId", cycleId)));
        assertThat(checkIn(kr), is(422));
        UUID other = UUID.randomUUID();
        awaitProcessed(publishSample("okr.key-results", other, "okr.key-result.created",
                Map.of("id", other, "objectiveId", objectiveId, "cycleId", cycleId)));
        assertThat(checkIn(other), is(201));
        awaitProcessed(publishSample("okr.objectives", objectiveId, "okr.objective.deleted",
                Map.of("id", objectiveId, "cycleId", cycleId, "ownerId", owner)));
        assertThat(checkIn(other), is(422));
    }

    @Test
    void aCyclePhaseChangedToExecutionOpensCheckIns() {
        UUID cycleId = UUID.randomUUID();
        UUID kr = keyResultByEvents(cycleId, "PLANNING", "owner-" + UUID.randomUUID());
        assertThat(checkIn(kr), is(409));

        awaitProcessed(publishCycle(cycleId, "okr.cycle.phase-changed", "EXECUTION", 1));
        assertThat(checkIn(kr), is(201));
    }

    @Test
    void aDeletedKeyResultTakesNoMoreCheckIns() {
        UUID cycleId = UUID.randomUUID();
        UUID objectiveId = UUID.randomUUID();
        UUID kr = UUID.randomUUID();
        awaitProcessed(publishCycle(cycleId, "okr.cycle.created", "EXECUTION", 0));
        awaitProcessed(publishObjective(objectiveId, cycleId, "olivia", false, 0));
        awaitProcessed(publishKeyResult(kr, objectiveId, cycleId, "MANUAL", false, 0));
        assertThat(checkIn(kr), is(201));

        awaitProcessed(publishKeyResult(kr, objectiveId, cycleId, "MANUAL", true, 1));
        asMember().body(Map.of("keyResultId", kr.toString(), "value", 1)).post("/api/v1/check-ins")
                .then().statusCode(422).body("detail", containsString("does not exist"));
        // a late "updated" snapshot older than the deletion cannot bring it back
        awaitProcessed(publishKeyResult(kr, objectiveId, cycleId, "MANUAL", false, 0));
        assertThat(checkIn(kr), is(422));
    }

    @Test
    void aDeletedObjectiveTakesItsKeyResultsAlong() {
        UUID cycleId = UUID.randomUUID();
        String owner = "owner-" + UUID.randomUUID();
        UUID kr = keyResultByEvents(cycleId, "EXECUTION", owner);
        UUID objectiveId = QuarkusTransaction.requiringNew().call(() ->
                KeyResultReplica.<KeyResultReplica>findById(kr).objectiveId);
        awaitProcessed(publishObjective(objectiveId, cycleId, owner, true, 1));
        assertThat(checkIn(kr), is(422));
    }

    @Test
    void dueCheckInsListAKeyResultThatArrivedByEvent() {
        String owner = "owner-" + UUID.randomUUID();
        UUID cycleId = UUID.randomUUID();
        UUID kr = keyResultByEvents(cycleId, "EXECUTION", owner);
        asViewer().queryParam("ownerId", owner).get("/api/v1/check-ins/due")
                .then().statusCode(200)
                .body("totalItems", is(1))
                .body("items[0].keyResultId", is(kr.toString()))
                .body("items[0].title", is("Grow MRR to 130k"))
                .body("items[0].cycleId", is(cycleId.toString()))
                .body("items[0].ownerId", is(owner));

        awaitProcessed(publishCycle(cycleId, "okr.cycle.phase-changed", "RETROSPECTIVE", 1));
        asViewer().queryParam("ownerId", owner).get("/api/v1/check-ins/due").then().body("totalItems", is(0));
    }

    @Test
    void anOlderVersionAfterANewerOneChangesNothing() {
        UUID cycleId = UUID.randomUUID();
        awaitProcessed(publishCycle(cycleId, "okr.cycle.phase-changed", "EXECUTION", 2));
        awaitProcessed(publishCycle(cycleId, "okr.cycle.created", "PLANNING", 0));
        awaitProcessed(publishCycle(cycleId, "okr.cycle.updated", "PLANNING", 2));
        CycleReplica cycle = cycleReplica(cycleId);
        assertThat(cycle.phase, is(CyclePhase.EXECUTION));
        assertThat(cycle.version, is(2L));
    }

    @Test
    void aDuplicateEventIdChangesNothing() {
        UUID cycleId = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        String json = OkrPayloads.cycle(cycleId, "EXECUTION", 1);
        TestEvents.publish("okr.cycles", cycleId.toString(), "okr.cycle.phase-changed", json, eventId);
        awaitProcessed(eventId);
        // the same event id again (even with a payload that would change the replica), then a no-op marker
        TestEvents.publish("okr.cycles", cycleId.toString(), "okr.cycle.phase-changed",
                OkrPayloads.cycle(cycleId, "CLOSED", 5), eventId);
        awaitProcessed(publishCycle(cycleId, "okr.cycle.updated", "PLANNING", 0));

        CycleReplica cycle = cycleReplica(cycleId);
        assertThat(cycle.phase, is(CyclePhase.EXECUTION));
        assertThat(cycle.version, is(1L));
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndTheNextOneIsProcessed() {
        UUID poisoned = UUID.randomUUID();
        TestEvents.publish("okr.key-results", poisoned.toString(), "okr.key-result.created", "{not json");
        UUID incomplete = UUID.randomUUID();
        TestEvents.publish("okr.key-results", incomplete.toString(), "okr.key-result.created",
                "{\"id\":\"" + incomplete + "\",\"title\":\"no objective, no cycle, no version\"}");
        UUID cycleId = UUID.randomUUID();
        UUID kr = keyResultByEvents(cycleId, "EXECUTION", "owner-" + UUID.randomUUID());
        assertThat(checkIn(kr), is(201));

        JsonPath dead = JsonPath.from(TestEvents.awaitRecords("checkin-service.dlq",
                r -> poisoned.toString().equals(r.key()), 1).get(0).value());
        assertThat(dead.getString("payload"), is("{not json"));
        assertThat(dead.getString("eventType"), is("okr.key-result.created"));
        assertThat(dead.getString("reason"), notNullValue());
        assertThat(dead.getString("topic"), is("okr.key-results"));
        assertThat(dead.getString("consumerGroup"), is("checkin-service"));
        JsonPath deadIncomplete = JsonPath.from(TestEvents.awaitRecords("checkin-service.dlq",
                r -> incomplete.toString().equals(r.key()), 1).get(0).value());
        assertThat(deadIncomplete.getString("reason"), containsString("has no version"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> KeyResultReplica.findById(incomplete)),
                is((Object) null));
    }

    @Test
    void poisonOnTheCycleTopicDoesNotBlockIt() {
        UUID poisoned = UUID.randomUUID();
        TestEvents.publish("okr.cycles", poisoned.toString(), "okr.cycle.created",
                "{\"id\":\"" + poisoned + "\",\"phase\":\"NOT_A_PHASE\",\"version\":0}");
        UUID cycleId = UUID.randomUUID();
        awaitProcessed(publishCycle(cycleId, "okr.cycle.created", "EXECUTION", 0));
        assertThat(cycleReplica(cycleId).phase, is(CyclePhase.EXECUTION));
        assertThat(TestEvents.awaitRecords("checkin-service.dlq", r -> poisoned.toString().equals(r.key()), 1).size(),
                is(1));
        assertThat(cycleReplica(poisoned), is((Object) null));
    }
}

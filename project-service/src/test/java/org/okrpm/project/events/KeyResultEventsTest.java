package org.okrpm.project.events;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.okrpm.kit.testing.TestTokens.asMember;
import static org.okrpm.project.ProjectFixtures.project;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.okrpm.kit.testing.EventContract;
import org.okrpm.kit.testing.TestEvents;
import org.okrpm.project.keyresult.KeyResultReplica;

/** project-service ← okr.key-results, through the real broker and database. */
@QuarkusTest
class KeyResultEventsTest {

    private static final String TOPIC = "okr.key-results";

    /** A key result snapshot as okr-service publishes it, with a field project-service does not know. */
    static String snapshot(String id, String objectiveId, boolean deleted, long version) {
        return "{\"id\":\"" + id + "\",\"objectiveId\":\"" + objectiveId + "\",\"cycleId\":\"" + UUID.randomUUID()
                + "\",\"title\":\"Activation rate 40 %\",\"metricType\":\"PERCENT\",\"unit\":\"%\","
                + "\"startValue\":0,\"targetValue\":100,\"currentValue\":0,\"weight\":1,"
                + "\"progressSource\":\"TASKS\",\"progress\":0,\"confidence\":null,\"score\":null,"
                + "\"deleted\":" + deleted + ",\"version\":" + version + ",\"someFutureField\":true}";
    }

    private static String publish(String id, String type, boolean deleted, long version) {
        return TestEvents.publish(TOPIC, id, type, snapshot(id, UUID.randomUUID().toString(), deleted, version));
    }

    private static void awaitProcessed(String eventId) {
        TestEvents.awaitConsumed("project-service", eventId);
    }

    /** The reason the project-service.dlq copy of the dead letter for this key gives. */
    private static String deadLetterReason(String key) {
        var dead = TestEvents.awaitRecords("project-service.dlq", r -> key.equals(r.key()), 1);
        return JsonPath.from(dead.get(0).value()).getString("reason");
    }

    private static KeyResultReplica replica(String id) {
        return QuarkusTransaction.requiringNew().call(() -> KeyResultReplica.findById(UUID.fromString(id)));
    }

    private static int createTask(String projectId, String keyResultId) {
        return asMember().body(Map.of("title", "t", "keyResultId", keyResultId))
                .post("/api/v1/projects/" + projectId + "/tasks").then().extract().statusCode();
    }

    @Test
    void aKeyResultAnnouncedByOkrServiceIsAcceptedAndADeletedOneIsNotAnyMore() {
        String projectId = project();
        String kr = UUID.randomUUID().toString();
        asMember().body(Map.of("title", "t", "keyResultId", kr)).post("/api/v1/projects/" + projectId + "/tasks")
                .then().statusCode(422).body("detail", containsString("does not exist"));

        awaitProcessed(publish(kr, "okr.key-result.created", false, 0));
        assertThat(createTask(projectId, kr), is(201));
        asMember().body(Map.of("name", "p", "keyResultIds", new String[] {kr})).post("/api/v1/projects")
                .then().statusCode(201);

        awaitProcessed(publish(kr, "okr.key-result.deleted", true, 1));
        assertThat(replica(kr).deleted, is(true));
        asMember().body(Map.of("title", "t", "keyResultId", kr)).post("/api/v1/projects/" + projectId + "/tasks")
                .then().statusCode(422).body("errors[0].field", is("keyResultId"))
                .body("detail", containsString("does not exist"));
    }

    /** The contract sample of {@code type} for the key result {@code id}, at {@code version}. */
    private static String publishSample(String id, String type, long version) {
        return TestEvents.publish(TOPIC, id, type,
                EventContract.sample(type, Map.of("id", id, "version", version)));
    }

    @Test
    void theContractSamplesAreApplied() {
        String kr = UUID.randomUUID().toString();
        String objectiveId = EventContract.sampleTree("okr.key-result.created").get("objectiveId").asText();
        awaitProcessed(publishSample(kr, "okr.key-result.created", 0));
        KeyResultReplica created = replica(kr);
        assertThat(created.deleted, is(false));
        assertThat(created.version, is(0L));
        assertThat(created.objectiveId.toString(), is(objectiveId));
        assertThat(createTask(project(), kr), is(201));

        awaitProcessed(publishSample(kr, "okr.key-result.updated", 1));
        assertThat(replica(kr).version, is(1L));
        awaitProcessed(publishSample(kr, "okr.key-result.deleted", 2));
        KeyResultReplica deleted = replica(kr);
        assertThat(deleted.deleted, is(true));
        assertThat(deleted.version, is(2L));
        assertThat(createTask(project(), kr), is(422));
    }

    @Test
    void anOlderVersionAfterANewerOneChangesNothing() {
        String kr = UUID.randomUUID().toString();
        awaitProcessed(publish(kr, "okr.key-result.deleted", true, 5));
        String late = publish(kr, "okr.key-result.updated", false, 4);
        awaitProcessed(late);
        KeyResultReplica row = replica(kr);
        assertThat(row.deleted, is(true));
        assertThat(row.version, is(5L));
        assertThat(createTask(project(), kr), is(422));
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        String kr = UUID.randomUUID().toString();
        String objectiveId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        TestEvents.publish(TOPIC, kr, "okr.key-result.created", snapshot(kr, objectiveId, false, 0), eventId);
        awaitProcessed(eventId);
        // the same event id again, even carrying other content: recognised and skipped
        TestEvents.publish(TOPIC, kr, "okr.key-result.deleted", snapshot(kr, UUID.randomUUID().toString(), true, 7),
                eventId);
        awaitProcessed(publish(kr, "okr.key-result.updated", false, 0)); // a barrier behind it, same partition
        KeyResultReplica row = replica(kr);
        assertThat(row.deleted, is(false));
        assertThat(row.version, is(0L));
        assertThat(row.objectiveId.toString(), is(objectiveId));
        assertThat(createTask(project(), kr), is(201));
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndTheNextOneIsProcessed() {
        String kr = UUID.randomUUID().toString();
        TestEvents.publish(TOPIC, kr, "okr.key-result.updated", "{not json");
        assertThat(deadLetterReason(kr), containsString("not a readable"));
        awaitProcessed(publish(kr, "okr.key-result.created", false, 0));
        assertThat(createTask(project(), kr), is(201));
    }

    @Test
    void anEventWithoutAVersionIsPoisonToo() {
        String kr = UUID.randomUUID().toString();
        TestEvents.publish(TOPIC, kr, "okr.key-result.created", "{\"id\":\"" + kr + "\"}");
        assertThat(deadLetterReason(kr), containsString("no key result id or version"));
    }
}

package org.okrpm.okr.events;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.okrpm.kit.testing.TestTokens.asMember;
import static org.okrpm.okr.OkrFixtures.cycle;
import static org.okrpm.okr.OkrFixtures.keyResult;
import static org.okrpm.okr.OkrFixtures.objective;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.okrpm.kit.events.Outbox;
import org.okrpm.kit.events.OutboxEvent;
import org.okrpm.kit.events.OutboxRelay;
import org.okrpm.kit.testing.EventContract;
import org.okrpm.kit.testing.Management;
import org.okrpm.kit.testing.TestBroker;
import org.okrpm.kit.testing.TestEvents;

/** What okr-service publishes, and that the outbox neither loses nor invents events. */
@QuarkusTest
class OutboxTest {

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Test
    void aCreatedCycleIsPublishedAsACloudEventWithItsSnapshot() {
        String cycleId = asMember().header("X-Request-Id", "req-outbox-1")
                .body(Map.of("name", "ce-" + UUID.randomUUID(), "startDate", "2026-10-01", "endDate", "2026-12-31"))
                .post("/api/v1/cycles").then().statusCode(201).extract().path("id");

        ConsumerRecord<String, String> record = TestEvents.awaitRecords("okr.cycles",
                r -> r.key().equals(cycleId), 1).get(0);
        Map<String, String> headers = TestEvents.ceHeaders(record);
        assertThat(headers.get("ce_specversion"), is("1.0"));
        assertThat(headers.get("ce_type"), is("okr.cycle.created"));
        assertThat(headers.get("ce_source"), is("/okr-service"));
        assertThat(headers.get("ce_subject"), is(cycleId));
        assertThat(headers.get("ce_id"), matchesPattern("[0-9a-f-]{36}"));
        assertThat(headers.get("ce_time"), notNullValue());
        assertThat(headers.get("ce_requestid"), is("req-outbox-1"));
        assertThat(headers.get("content-type"), is("application/json"));
        JsonPath snapshot = JsonPath.from(record.value());
        assertThat(snapshot.getString("id"), is(cycleId));
        assertThat(snapshot.getString("phase"), is("PLANNING"));
        assertThat(snapshot.getInt("version"), is(0));
    }

    @Test
    void keyResultEventsCarryTheFieldsOtherServicesNeed() {
        String cycleId = cycle();
        String objectiveId = objective(cycleId);
        String kr = keyResult(objectiveId, 0, 10, 2, "TASKS");
        JsonPath created = JsonPath.from(TestEvents.awaitRecords("okr.key-results",
                r -> r.key().equals(kr), 1).get(0).value());
        assertThat(created.getString("objectiveId"), is(objectiveId));
        assertThat(created.getString("cycleId"), is(cycleId));
        assertThat(created.getString("progressSource"), is("TASKS"));
        assertThat(created.getInt("version"), is(0));

        asMember().delete("/api/v1/key-results/" + kr).then().statusCode(204);
        JsonPath deleted = JsonPath.from(TestEvents.awaitRecords("okr.key-results", r -> r.key().equals(kr)
                && "okr.key-result.deleted".equals(TestEvents.header(r, "ce_type")), 1).get(0).value());
        assertThat(deleted.getBoolean("deleted"), is(true));
        assertThat(deleted.getInt("version"), is(1));
    }

    /** The first record of {@code type} for {@code key} on {@code topic}, checked against its contract sample. */
    private static void assertPublishedAsTheContractSays(String topic, String key, String type) {
        ConsumerRecord<String, String> record = TestEvents.awaitRecords(topic,
                r -> key.equals(r.key()) && type.equals(TestEvents.header(r, "ce_type")), 1).get(0);
        EventContract.assertMatches(type, record.value());
    }

    @Test
    void everyTypeOkrServicePublishesHasTheShapeOfItsContractSample() {
        String cycleId = cycle();
        asMember().body(Map.of("name", "contract-" + UUID.randomUUID())).patch("/api/v1/cycles/" + cycleId)
                .then().statusCode(200);
        asMember().body(Map.of("phase", "EXECUTION")).post("/api/v1/cycles/" + cycleId + "/phase")
                .then().statusCode(200);
        String parentId = objective(cycleId);
        String objectiveId = objective(cycleId, parentId); // a parentId, so the sample's type of it is checked
        asMember().body(Map.of("title", "Delight customers, v2")).patch("/api/v1/objectives/" + objectiveId)
                .then().statusCode(200);
        String kr = keyResult(objectiveId, 0, 100);
        asMember().body(Map.of("title", "Revenue, v2")).patch("/api/v1/key-results/" + kr).then().statusCode(200);
        asMember().body(Map.of("currentValue", 40)).patch("/api/v1/key-results/" + kr).then().statusCode(200);
        asMember().delete("/api/v1/key-results/" + kr).then().statusCode(204);
        asMember().delete("/api/v1/objectives/" + objectiveId).then().statusCode(204);

        for (String type : List.of("okr.cycle.created", "okr.cycle.updated", "okr.cycle.phase-changed")) {
            assertPublishedAsTheContractSays("okr.cycles", cycleId, type);
        }
        for (String type : List.of("okr.objective.created", "okr.objective.updated",
                "okr.objective.progress-changed", "okr.objective.deleted")) {
            assertPublishedAsTheContractSays("okr.objectives", objectiveId, type);
        }
        for (String type : List.of("okr.key-result.created", "okr.key-result.updated",
                "okr.key-result.progress-changed", "okr.key-result.deleted")) {
            assertPublishedAsTheContractSays("okr.key-results", kr, type);
        }
    }

    @Test
    void aRolledBackTransactionPublishesNothing() {
        String key = UUID.randomUUID().toString();
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            outbox.publish("okr.cycles", "okr.cycle.updated", key, Map.of("marker", "rolled-back"));
            throw new IllegalStateException("the change fails after its event was written");
        }));
        QuarkusTransaction.requiringNew().run(() ->
                outbox.publish("okr.cycles", "okr.cycle.updated", key, Map.of("marker", "committed")));

        // same key, same partition: once the committed one is there, an earlier rolled-back one would be too
        List<ConsumerRecord<String, String>> records = TestEvents.awaitRecords("okr.cycles",
                r -> r.key().equals(key), 1);
        assertThat(records.size(), is(1));
        assertThat(JsonPath.from(records.get(0).value()).getString("marker"), is("committed"));
    }

    @Test
    void publishedEventsAreForgottenAfterTheRetention() {
        Long old = QuarkusTransaction.requiringNew().call(() -> sentEvent(Instant.now().minus(Duration.ofDays(8))));
        Long recent = QuarkusTransaction.requiringNew().call(() -> sentEvent(Instant.now().minus(Duration.ofDays(1))));
        relay.pruneSent();
        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(OutboxEvent.findById(old), is(nullValue()));
            assertThat(OutboxEvent.findById(recent), is(notNullValue()));
        });
    }

    private static Long sentEvent(Instant sentAt) {
        OutboxEvent event = new OutboxEvent();
        event.eventId = UUID.randomUUID();
        event.topic = "okr.cycles";
        event.eventKey = UUID.randomUUID().toString();
        event.eventType = "okr.cycle.updated";
        event.payload = "{}";
        event.createdAt = sentAt;
        event.sentAt = sentAt;
        event.persist();
        return event.id;
    }

    @Test
    void changesCommittedWhileTheBrokerIsDownArePublishedWhenItIsBackAndTheServiceStaysReady() {
        String objectiveId = objective(cycle());
        String kr = keyResult(objectiveId, 0, 100);
        TestBroker.stop();
        try {
            for (int value = 10; value <= 50; value += 10) {
                asMember().body(Map.of("currentValue", value)).patch("/api/v1/key-results/" + kr)
                        .then().statusCode(200);
            }
            // writes still work through the outbox: a load balancer must keep sending them here
            await().during(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(12)).untilAsserted(() ->
                    Management.api().get("/q/health/ready").then().statusCode(200).body("status", is("UP")));
        } finally {
            TestBroker.start();
        }
        List<ConsumerRecord<String, String>> progress = TestEvents.awaitRecords("okr.key-results",
                r -> r.key().equals(kr) && "okr.key-result.progress-changed".equals(TestEvents.header(r, "ce_type")),
                5);
        assertThat(progress.stream().map(r -> JsonPath.from(r.value()).getDouble("progress")).toList(),
                is(List.of(0.1, 0.2, 0.3, 0.4, 0.5)));
    }
}

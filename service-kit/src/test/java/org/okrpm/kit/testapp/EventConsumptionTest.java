package org.okrpm.kit.testapp;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.okrpm.kit.envelope.CloudEvents;
import org.okrpm.kit.events.ConsumedEvents;
import org.okrpm.kit.events.DeadLetter;
import org.okrpm.kit.events.DeadLetters;
import org.okrpm.kit.testapp.TestKafka.Out;

/**
 * EventConsumption through the real broker and H2: once per event id and consumer group, poison to a dead
 * letter (row and {@code <group>.dlq}) without holding back the rest, transient failures retried, batch handlers
 * given the poll in one call.
 */
@QuarkusTest
class EventConsumptionTest {

    private static final Duration WAIT = Duration.ofSeconds(45);

    @Inject
    RecordingHandler handler;

    @Inject
    BatchRecordingHandler batchHandler;

    @Inject
    ConsumedEvents consumed;

    @Inject
    ObjectMapper mapper;

    private static String payload(String name, int failTimes) {
        return "{\"name\": \"" + name + "\", \"failTimes\": " + failTimes + "}";
    }

    private static long applied(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> AppliedEvent.count("eventId", eventId));
    }

    private static List<DeadLetter> deadLetters(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> DeadLetter.<DeadLetter>list("eventId", eventId));
    }

    @Test
    void theSameEventIdIsAppliedOncePerConsumerGroup() throws Exception {
        String key = UUID.randomUUID().toString();
        String duplicate = UUID.randomUUID().toString();
        String marker = UUID.randomUUID().toString();

        TestKafka.publish(RecordingHandler.TOPIC, new Out(key, payload("first", 0), duplicate));
        TestKafka.publish(RecordingHandler.TOPIC, new Out(key, payload("redelivered", 0), duplicate),
                new Out(key, payload("marker", 0), marker));

        // the marker is behind both copies in the same partition: once it is applied, both were seen
        await().atMost(WAIT).until(() -> applied(marker) == 1);
        assertEquals(1, applied(duplicate));
        assertEquals("first", QuarkusTransaction.requiringNew().call(() ->
                AppliedEvent.<AppliedEvent>find("eventId", duplicate).singleResult().name));
        assertTrue(consumed.wasConsumed(RecordingHandler.GROUP, duplicate));
        assertFalse(consumed.wasConsumed("another-group", duplicate), "the record is per consumer group");
        assertEquals(1, handler.attempts(duplicate), "the redelivery never reached the handler");
    }

    @Test
    void aPoisonRecordBecomesADeadLetterAndTheNextRecordIsStillApplied() throws Exception {
        String key = UUID.randomUUID().toString();
        String poison = UUID.randomUUID().toString();
        String next = UUID.randomUUID().toString();

        List<RecordMetadata> positions = TestKafka.publish(RecordingHandler.TOPIC,
                new Out(key, "{\"name\": \"unterminated", poison), new Out(key, payload("after poison", 0), next));

        await().atMost(WAIT).until(() -> applied(next) == 1);
        List<DeadLetter> letters = await().atMost(WAIT).until(() -> deadLetters(poison), found -> !found.isEmpty());
        assertEquals(1, letters.size());
        DeadLetter letter = letters.get(0);
        assertEquals(DeadLetter.Status.OPEN, letter.status);
        assertEquals(RecordingHandler.GROUP, letter.consumerGroup);
        assertEquals(RecordingHandler.CHANNEL, letter.channel);
        assertEquals(RecordingHandler.TOPIC, letter.topic);
        assertEquals(positions.get(0).partition(), letter.partition);
        assertEquals(positions.get(0).offset(), letter.offset);
        assertEquals("kit.test.happened", letter.eventType);
        assertEquals(key, letter.subject);
        assertEquals("{\"name\": \"unterminated", letter.payload);
        assertTrue(letter.reason.contains("is not a readable Payload"), letter.reason);
        assertEquals(0, applied(poison));
        assertFalse(consumed.wasConsumed(RecordingHandler.GROUP, poison));

        ConsumerRecord<String, String> copy = await().atMost(WAIT).until(
                () -> TestKafka.readAll(RecordingHandler.GROUP + ".dlq").stream()
                        .filter(r -> key.equals(r.key())).toList(),
                found -> !found.isEmpty()).get(0);
        assertEquals(DeadLetters.TYPE, TestKafka.header(copy, CloudEvents.TYPE));
        JsonNode body = mapper.readTree(copy.value());
        assertEquals(letter.id.toString(), body.get("id").asText());
        assertEquals(RecordingHandler.GROUP, body.get("consumerGroup").asText());
        assertEquals(RecordingHandler.TOPIC, body.get("topic").asText());
        assertEquals(positions.get(0).partition(), body.get("partition").asInt());
        assertEquals(positions.get(0).offset(), body.get("offset").asLong());
        assertEquals(poison, body.get("eventId").asText());
        assertEquals(letter.reason, body.get("reason").asText());
        assertEquals("{\"name\": \"unterminated", body.get("payload").asText());
    }

    @Test
    void aTransientFailureIsRetriedUntilItAppliesAndIsNeverDeadLettered() throws Exception {
        String key = UUID.randomUUID().toString();
        String flaky = UUID.randomUUID().toString();

        TestKafka.publish(RecordingHandler.TOPIC, new Out(key, payload("flaky", 2), flaky));

        await().atMost(WAIT).until(() -> applied(flaky) == 1);
        assertEquals(3, handler.attempts(flaky), "two lock conflicts, then applied");
        assertEquals(1, applied(flaky), "the failed attempts left nothing behind");
        assertTrue(deadLetters(flaky).isEmpty());
        assertTrue(consumed.wasConsumed(RecordingHandler.GROUP, flaky));
    }

    @Test
    void aBatchHandlerGetsThePollInOneCall() throws Exception {
        String key = UUID.randomUUID().toString();
        List<String> ids = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                UUID.randomUUID().toString(), UUID.randomUUID().toString(), UUID.randomUUID().toString());

        TestKafka.publish(BatchRecordingHandler.TOPIC, ids.stream().map(id -> new Out(key, "{}", id))
                .toArray(Out[]::new));

        List<String> call = await().atMost(WAIT).until(
                () -> batchHandler.calls().stream().filter(c -> c.contains(ids.get(0))).findFirst().orElse(null),
                found -> found != null);
        assertEquals(ids, call, "one applyAll call with the whole poll, in partition order");
        assertNotNull(call);
        assertFalse(consumed.wasConsumed(BatchRecordingHandler.GROUP, ids.get(0)),
                "the kit records no event ids for a batch handler");
    }
}

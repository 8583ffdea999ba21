package org.okrpm.kit.testapp;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.okrpm.kit.envelope.CloudEvents;
import org.okrpm.kit.events.Outbox;
import org.okrpm.kit.events.OutboxEvent;

/** Transactional outbox and relay, through H2 and the real broker: committed → on the topic; rolled back → never. */
@QuarkusTest
class OutboxRelayTest {

    static final String TOPIC = "kit.test.outbox";

    @Inject
    Outbox outbox;

    @Inject
    ObjectMapper mapper;

    private static List<ConsumerRecord<String, String>> recordsWithKey(String key) {
        return TestKafka.readAll(TOPIC).stream().filter(r -> key.equals(r.key())).toList();
    }

    private static OutboxEvent outboxRow(String key) {
        return QuarkusTransaction.requiringNew().call(() ->
                OutboxEvent.<OutboxEvent>find("eventKey", key).firstResult());
    }

    @Test
    void aCommittedEventIsPublishedWithItsCloudEventsHeaders() throws Exception {
        String key = UUID.randomUUID().toString();

        QuarkusTransaction.requiringNew().run(() -> {
            Widget.create("committed " + key);
            outbox.publish(TOPIC, "kit.widget.created", key, Map.of("id", key, "version", 1));
        });

        OutboxEvent row = outboxRow(key);
        assertNotNull(row, "the outbox row is written in the caller's transaction");
        ConsumerRecord<String, String> record = await().atMost(Duration.ofSeconds(30))
                .until(() -> recordsWithKey(key), records -> !records.isEmpty()).get(0);

        assertEquals(Map.of("id", key, "version", 1), mapper.readValue(record.value(), Map.class));
        assertEquals(row.eventId.toString(), TestKafka.header(record, CloudEvents.ID));
        assertEquals("kit.widget.created", TestKafka.header(record, CloudEvents.TYPE));
        assertEquals("/kit-test", TestKafka.header(record, CloudEvents.SOURCE));
        assertEquals(key, TestKafka.header(record, CloudEvents.SUBJECT));
        assertEquals("1.0", TestKafka.header(record, CloudEvents.SPEC_VERSION));
        assertEquals("application/json", TestKafka.header(record, CloudEvents.CONTENT_TYPE));
        assertEquals(row.createdAt, Instant.parse(TestKafka.header(record, CloudEvents.TIME)));
        await().atMost(Duration.ofSeconds(10)).until(() -> outboxRow(key).sentAt != null);
        assertEquals(1, recordsWithKey(key).size(), "published once");
    }

    @Test
    void aRolledBackEventIsNeverPublished() {
        String key = UUID.randomUUID().toString();

        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            Widget.create("rolled back " + key);
            outbox.publish(TOPIC, "kit.widget.created", key, Map.of("id", key, "version", 1));
            throw new IllegalStateException("the change fails after publishing");
        }));
        // a committed marker with the same key goes to the same partition, after anything published before it
        QuarkusTransaction.requiringNew().run(() ->
                outbox.publish(TOPIC, "kit.widget.marker", key, Map.of("id", key, "version", 2)));

        List<ConsumerRecord<String, String>> records = await().atMost(Duration.ofSeconds(30))
                .until(() -> recordsWithKey(key), found -> !found.isEmpty());
        assertEquals(List.of("kit.widget.marker"),
                records.stream().map(r -> TestKafka.header(r, CloudEvents.TYPE)).toList());
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("eventKey", key)));
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() ->
                Widget.count("name", "rolled back " + key)));
    }

    @Test
    void publishingNeedsTheCallersTransaction() {
        assertThrows(jakarta.transaction.TransactionalException.class,
                () -> outbox.publish(TOPIC, "kit.widget.created", "no-transaction", Map.of()));
    }
}

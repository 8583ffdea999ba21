package org.okrpm.kit.testapp;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.okrpm.kit.envelope.CloudEvents;
import org.okrpm.kit.events.Outbox;
import org.okrpm.kit.events.OutboxEvent;
import org.okrpm.kit.testapp.TestKafka.Out;

/**
 * Traces across Kafka, through the real broker (the test app runs with tracing on): an event written in a traced
 * change is published with that trace's context, applied by its consumer inside the same trace (log lines
 * included), and what the consumer writes to the outbox then continues it.
 */
@QuarkusTest
class EventTracingTest {

    private static final Duration WAIT = Duration.ofSeconds(45);

    @Inject
    Outbox outbox;

    @Inject
    OpenTelemetry openTelemetry;

    @Inject
    InMemorySpanExporter spans;

    @Inject
    RecordingHandler handler;

    @Inject
    BatchRecordingHandler batchHandler;

    private static OutboxEvent outboxRow(String topic, String key) {
        return QuarkusTransaction.requiringNew().call(() ->
                OutboxEvent.<OutboxEvent>find("topic = ?1 and eventKey = ?2", topic, key).firstResult());
    }

    private SpanData finished(String traceId, SpanKind kind, String name, String parentSpanId) {
        return await().atMost(WAIT).until(() -> spans.getFinishedSpanItems().stream()
                .filter(span -> span.getTraceId().equals(traceId) && span.getKind() == kind
                        && span.getName().equals(name) && span.getParentSpanId().equals(parentSpanId)
                        && span.getStatus().getStatusCode() != StatusCode.ERROR)
                .findFirst().orElse(null), found -> found != null);
    }

    @Test
    void aConsumedEventIsAppliedInTheTraceOfTheChangeThatWroteIt() {
        String key = UUID.randomUUID().toString();
        Span change = openTelemetry.getTracer("test").spanBuilder("change").startSpan();
        try (Scope ignored = change.makeCurrent()) {
            // one lock conflict first: the failed attempt shows in the trace too
            QuarkusTransaction.requiringNew().run(() -> outbox.publish(RecordingHandler.TOPIC, "kit.test.happened",
                    key, Map.of("name", "traced " + key, "failTimes", 1, "forwardTo", OutboxRelayTest.TOPIC)));
        } finally {
            change.end();
        }
        String traceId = change.getSpanContext().getTraceId();
        OutboxEvent written = outboxRow(RecordingHandler.TOPIC, key);
        assertTrue(written.traceparent.contains(traceId), "the outbox row keeps the change's trace context");

        // the relay publishes in a span of that trace and sends its context in both header forms
        SpanData publish = finished(traceId, SpanKind.PRODUCER, "publish " + RecordingHandler.TOPIC,
                change.getSpanContext().getSpanId());
        ConsumerRecord<String, String> record = await().atMost(WAIT).until(() -> TestKafka
                .readAll(RecordingHandler.TOPIC).stream().filter(r -> key.equals(r.key())).findFirst()
                .orElse(null), found -> found != null);
        String sent = "00-" + traceId + "-" + publish.getSpanId() + "-01";
        assertEquals(sent, TestKafka.header(record, CloudEvents.TRACEPARENT));
        assertEquals(sent, TestKafka.header(record, CloudEvents.CE_TRACEPARENT));

        // the consumer applies it in a child span of the publication, after a failed attempt recorded as such
        SpanData applied = finished(traceId, SpanKind.CONSUMER, "process " + RecordingHandler.TOPIC,
                publish.getSpanId());
        assertEquals(written.eventId.toString(),
                applied.getAttributes().get(AttributeKey.stringKey("messaging.message.id")));
        assertTrue(spans.getFinishedSpanItems().stream().anyMatch(span -> span.getTraceId().equals(traceId)
                        && span.getKind() == SpanKind.CONSUMER && span.getStatus().getStatusCode() == StatusCode.ERROR
                        && !span.getEvents().isEmpty()),
                "the attempt that hit the lock conflict is an error span with the exception");
        RecordingHandler.Applied seen = handler.applied(written.eventId.toString());
        assertNotNull(seen);
        assertEquals(applied.getSpanContext(), seen.span(), "the handler ran inside the consumer span");
        assertEquals(traceId, seen.loggedTraceId(), "log lines written by the handler carry the trace id");

        // what the handler wrote to the outbox continues the trace from its span
        OutboxEvent forwarded = outboxRow(OutboxRelayTest.TOPIC, key);
        assertEquals("00-" + traceId + "-" + applied.getSpanId() + "-01", forwarded.traceparent);
    }

    @Test
    void aCoalescedPollContinuesTheNewestTraceAndLinksTheOthers() throws Exception {
        String key = UUID.randomUUID().toString();
        String older = UUID.randomUUID().toString();
        String newer = UUID.randomUUID().toString();
        SpanContext olderProducer = producer();
        SpanContext newerProducer = producer();

        TestKafka.publish(BatchRecordingHandler.TOPIC,
                new Out(key, "{}", older, traceparent(olderProducer)),
                new Out(key, "{}", newer, traceparent(newerProducer)));

        SpanContext ranIn = await().atMost(WAIT).until(() -> batchHandler.spanOf(newer), found -> found != null);
        assertEquals(ranIn, batchHandler.spanOf(older), "one poll, one span");
        SpanData poll = finished(newerProducer.getTraceId(), SpanKind.CONSUMER, "process " + BatchRecordingHandler.TOPIC,
                newerProducer.getSpanId());
        assertEquals(ranIn, poll.getSpanContext());
        assertEquals(List.of(ids(olderProducer)),
                poll.getLinks().stream().map(LinkData::getSpanContext).map(EventTracingTest::ids).toList());
    }

    @Test
    void anEventWithoutTraceContextStartsATraceOfItsOwn() throws Exception {
        String eventId = UUID.randomUUID().toString();

        TestKafka.publish(RecordingHandler.TOPIC,
                new Out(UUID.randomUUID().toString(), "{\"name\": \"untraced\", \"failTimes\": 0}", eventId));

        RecordingHandler.Applied seen = await().atMost(WAIT).until(() -> handler.applied(eventId), found -> found != null);
        assertTrue(seen.span().isValid(), "applied in a span nevertheless");
        assertEquals(seen.span().getTraceId(), seen.loggedTraceId());
        finished(seen.span().getTraceId(), SpanKind.CONSUMER, "process " + RecordingHandler.TOPIC,
                SpanContext.getInvalid().getSpanId());
    }

    private SpanContext producer() {
        Span span = openTelemetry.getTracer("test").spanBuilder("elsewhere").startSpan();
        span.end();
        return span.getSpanContext();
    }

    private static String ids(SpanContext span) {
        return span.getTraceId() + "/" + span.getSpanId();
    }

    private static String traceparent(SpanContext span) {
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-01";
    }
}

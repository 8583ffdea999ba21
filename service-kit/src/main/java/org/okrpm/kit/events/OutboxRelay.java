package org.okrpm.kit.events;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.okrpm.kit.envelope.CloudEvents;
import org.okrpm.kit.tracing.EventTracing;
import org.okrpm.kit.tracing.TraceHeaders;

/**
 * Publishes committed outbox rows to Kafka, oldest first, and marks them sent. Woken right after each
 * commit that wrote events; a sweep every few seconds catches whatever was left (broker down, crash).
 * Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so several replicas never publish the same row
 * at the same time. A row is marked sent only after the broker acknowledged it (acks=all, idempotent
 * producer): delivery is at least once, which the consumers' idempotency turns into exactly-once effects.
 * A row written while tracing was on is published in a span of its trace, whose context goes out as headers.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final int BATCH = 200;
    /** Hibernate's lock timeout that means SKIP LOCKED. */
    private static final int SKIP_LOCKED = -2;

    @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092")
    String bootstrapServers;

    @ConfigProperty(name = "quarkus.application.name")
    String applicationName;

    @ConfigProperty(name = "okrpm.outbox.retention", defaultValue = "P7D")
    Duration retention;

    @Inject
    EventTracing tracing;

    private final AfterCommitWorker worker = new AfterCommitWorker("outbox-relay",
            () -> QuarkusTransaction.requiringNew().timeout(60).call(this::publishBatch) == BATCH);
    private volatile Producer<String, String> producer;

    /** Asks for a drain soon, off the caller's thread. */
    public void wake() {
        worker.wake();
    }

    /** Publishes once the current transaction has committed. */
    void wakeAfterCommit(TransactionSynchronizationRegistry transactions) {
        worker.wakeAfterCommit(transactions);
    }

    @Scheduled(every = "${okrpm.outbox.sweep-every:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        wake();
    }

    /** Forgets events published longer ago than the retention ({@code okrpm.outbox.retention}, 7 days). */
    @Scheduled(every = "1h", delayed = "1m")
    public void pruneSent() {
        QuarkusTransaction.requiringNew().run(() ->
                OutboxEvent.delete("sentAt < ?1", Instant.now().minus(retention)));
    }

    private int publishBatch() throws Exception {
        List<OutboxEvent> batch = OutboxEvent.<OutboxEvent>find("sentAt is null order by id")
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", SKIP_LOCKED)
                .page(0, BATCH).list();
        if (batch.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        for (OutboxEvent event : batch) {
            TraceHeaders written = event.traceparent == null ? null
                    : new TraceHeaders(event.traceparent, event.tracestate);
            Span span = tracing.startPublish(event.topic, event.eventId.toString(), event.eventType, event.eventKey,
                    written);
            // with tracing off here, a row written while it was on still passes its context on
            TraceHeaders sent = span == null ? written : tracing.headersOf(span);
            acks.add(producer().send(record(event, sent), endOnAck(span)));
        }
        for (Future<RecordMetadata> ack : acks) {
            ack.get(30, TimeUnit.SECONDS);
        }
        Instant now = Instant.now();
        batch.forEach(event -> event.sentAt = now);
        return batch.size();
    }

    private static Callback endOnAck(Span span) {
        if (span == null) {
            return null;
        }
        return (metadata, failure) -> {
            if (failure != null) {
                span.recordException(failure);
                span.setStatus(StatusCode.ERROR);
            }
            span.end();
        };
    }

    private ProducerRecord<String, String> record(OutboxEvent event, TraceHeaders trace) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, CloudEvents.SPEC_VERSION, "1.0");
        header(headers, CloudEvents.ID, event.eventId.toString());
        header(headers, CloudEvents.SOURCE, "/" + applicationName);
        header(headers, CloudEvents.TYPE, event.eventType);
        header(headers, CloudEvents.TIME, event.createdAt.toString());
        header(headers, CloudEvents.SUBJECT, event.eventKey);
        header(headers, CloudEvents.CONTENT_TYPE, "application/json");
        if (event.requestId != null) {
            header(headers, CloudEvents.REQUEST_ID, event.requestId);
        }
        if (trace != null) {
            // W3C names for OpenTelemetry-instrumented consumers, ce_ names for the CloudEvents tracing extension
            header(headers, CloudEvents.TRACEPARENT, trace.traceparent());
            header(headers, CloudEvents.CE_TRACEPARENT, trace.traceparent());
            if (trace.tracestate() != null) {
                header(headers, CloudEvents.TRACESTATE, trace.tracestate());
                header(headers, CloudEvents.CE_TRACESTATE, trace.tracestate());
            }
        }
        return new ProducerRecord<>(event.topic, null, event.eventKey, event.payload, headers);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private Producer<String, String> producer() {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(ProducerConfig.CLIENT_ID_CONFIG, applicationName + "-outbox");
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "15000");
            producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    void stop(@Observes ShutdownEvent event) {
        worker.stop(Duration.ofSeconds(5));
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}

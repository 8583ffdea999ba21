package org.okrpm.kit.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;
import org.okrpm.kit.envelope.IncomingEvent;
import org.okrpm.kit.failure.Failures;

/**
 * Where poison records go: a {@link DeadLetter} row in the service's own database (listed and re-driven through
 * {@code /api/v1/admin/dead-letters}), a copy on the Kafka topic {@code <consumer group>.dlq} for tools that
 * watch topics (through the outbox, in the same transaction), an ERROR log line and a counter.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    public static final String TYPE = "okrpm.dead-letter.recorded";

    /** What the {@code <group>.dlq} topic carries: the dead letter with the original payload. */
    public record DeadLetterRecord(UUID id, String consumerGroup, String topic, int partition, long offset,
                                   String eventId, String eventType, String subject, String reason,
                                   String payload) {
    }

    /** The topic a consumer group's dead letters are copied to. */
    public static String topicOf(String consumerGroup) {
        return consumerGroup + ".dlq";
    }

    @Inject
    Outbox outbox;

    @Inject
    MeterRegistry metrics;

    @Inject
    Instance<EventHandler> handlers;

    @Inject
    EventConsumption consumption;

    void record(String group, String channel, ConsumerRecord<String, String> record, IncomingEvent event,
                Throwable failure) {
        String reason = ConsumptionStatus.describe(failure);
        DeadLetter letter = QuarkusTransaction.requiringNew().call(() -> {
            DeadLetter row = new DeadLetter();
            row.id = UUID.randomUUID();
            row.consumerGroup = group;
            row.channel = channel;
            row.topic = record.topic();
            row.partition = record.partition();
            row.offset = record.offset();
            row.eventId = event.id();
            row.eventType = event.type();
            row.subject = event.subject();
            row.eventTime = event.time();
            row.requestId = event.requestId();
            row.payload = event.payload();
            row.reason = reason.length() > 2000 ? reason.substring(0, 2000) : reason;
            row.status = DeadLetter.Status.OPEN;
            row.createdAt = Instant.now();
            row.persist();
            outbox.publish(topicOf(group), TYPE, record.key() == null ? row.id : record.key(),
                    new DeadLetterRecord(row.id, group, row.topic, row.partition, row.offset, row.eventId,
                            row.eventType, row.subject, row.reason, row.payload));
            return row;
        });
        metrics.counter("okrpm.events.dead.letters", "group", group, "topic", record.topic()).increment();
        LOG.errorf("Dead letter %s: consumer group %s could never apply %s-%d@%d, %s: %s", letter.id, group,
                record.topic(), record.partition(), record.offset(), event.describe(), reason);
    }

    /** The outcome of a re-drive, and the dead letter after it (null when the database was unavailable). */
    public record Redrive(Outcome outcome, DeadLetter letter) {

        public enum Outcome { APPLIED, STILL_FAILING, UNAVAILABLE }
    }

    /**
     * Applies an OPEN dead letter again with its consumer's handler. Applied → REDRIVEN. A permanent failure
     * leaves it OPEN with the new reason; a transient one (database busy) leaves it untouched.
     */
    public Redrive redrive(DeadLetter letter) {
        EventHandler handler = handlers.stream().filter(h -> h.channel().equals(letter.channel)).findFirst()
                .orElse(null);
        if (handler == null) {
            return mark(letter.id, DeadLetter.Status.OPEN, "no consumer of channel " + letter.channel + " here");
        }
        try {
            consumption.reapply(handler, letter);
        } catch (RuntimeException e) {
            if (!Failures.isPermanent(e)) {
                return new Redrive(Redrive.Outcome.UNAVAILABLE, null);
            }
            return mark(letter.id, DeadLetter.Status.OPEN, ConsumptionStatus.describe(e));
        }
        LOG.infof("Dead letter %s re-driven: %s applied by %s", letter.id, letter.eventId, letter.consumerGroup);
        return mark(letter.id, DeadLetter.Status.REDRIVEN, null);
    }

    private static Redrive mark(UUID id, DeadLetter.Status status, String reason) {
        DeadLetter updated = QuarkusTransaction.requiringNew().call(() -> {
            DeadLetter row = DeadLetter.findById(id);
            row.redrives++;
            row.status = status;
            if (reason != null) {
                row.reason = reason.length() > 2000 ? reason.substring(0, 2000) : reason;
            }
            row.resolvedAt = status == DeadLetter.Status.OPEN ? null : Instant.now();
            return row;
        });
        return new Redrive(status == DeadLetter.Status.REDRIVEN ? Redrive.Outcome.APPLIED
                : Redrive.Outcome.STILL_FAILING, updated);
    }
}

package org.okrpm.kit.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.TransactionRunnerOptions;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.okrpm.kit.envelope.IncomingEvent;
import org.okrpm.kit.failure.Failures;
import org.okrpm.kit.tracing.EventTracing;

/**
 * How every consumer applies what it polled (docs/events.md: delivery guarantees, dead letters). A poll's records are applied
 * in one transaction, skipping those the handler does not want and, for per-event handlers, those the consumer
 * group applied already; the batch is acknowledged (its offsets may be committed) only after that committed.
 * <ul>
 * <li>A transient failure (database down, lock conflict, timeout) is retried with backoff for as long as it
 * lasts: the partition waits, nothing is dead-lettered; the wait shows in {@link ConsumptionStatus} and in
 * the {@code okrpm.events.retries} counter.</li>
 * <li>A permanent failure ({@link Failures#isPermanent}) makes the kit apply the poll record by record, so the
 * one poison record is found, dead-lettered ({@link DeadLetters}) and the others are applied.</li>
 * <li>While the application stops, a batch is left unacknowledged: it is delivered again after the restart.</li>
 * <li>With tracing on, each event is applied in a span continuing the trace of the change that produced it
 * ({@link EventTracing}); a coalescing handler's poll in one span linked to all of them.</li>
 * </ul>
 */
@ApplicationScoped
public class EventConsumption {

    private static final Logger LOG = Logger.getLogger(EventConsumption.class);
    private static final long FIRST_BACKOFF_MS = 50;
    private static final long MAX_BACKOFF_MS = 5_000;

    @Inject
    ConsumedEvents consumed;

    @Inject
    DeadLetters deadLetters;

    @Inject
    ConsumptionStatus status;

    @Inject
    MeterRegistry metrics;

    @Inject
    Config config;

    @Inject
    EventTracing tracing;

    @ConfigProperty(name = "quarkus.application.name")
    String applicationName;

    @ConfigProperty(name = "okrpm.events.transaction-timeout", defaultValue = "60s")
    Duration transactionTimeout;

    private final CountDownLatch stopping = new CountDownLatch(1);

    void onStop(@Observes ShutdownEvent event) {
        stopping.countDown();
    }

    /** One record and what the consumer reads of it. */
    record Delivery(ConsumerRecord<String, String> record, IncomingEvent event) {
    }

    /** Applies a poll's records with {@code handler}; the returned stage completes once they are acknowledged. */
    @SuppressWarnings("unchecked")
    public CompletionStage<Void> consume(EventHandler handler, Message<List<String>> batch) {
        ConsumerRecords<String, String> records = batch.getMetadata(IncomingKafkaRecordBatchMetadata.class)
                .map(metadata -> (ConsumerRecords<String, String>) metadata.getRecords())
                .orElseThrow(() -> new IllegalStateException("channel " + handler.channel()
                        + " is not a Kafka channel in batch mode"));
        List<Delivery> wanted = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            IncomingEvent event = IncomingEvent.of(record);
            if (handler.wants(event)) {
                wanted.add(new Delivery(record, event));
            }
        }
        if (wanted.isEmpty() || applyUntilDone(handler, groupOf(handler), wanted)) {
            return batch.ack();
        }
        LOG.debugf("Stopping: %d record(s) of %s are left for redelivery", records.count(), handler.channel());
        return CompletableFuture.completedFuture(null);
    }

    /** The consumer group of a handler's channel (Quarkus's default: the application name). */
    public String groupOf(EventHandler handler) {
        return config.getOptionalValue("mp.messaging.incoming." + handler.channel() + ".group.id", String.class)
                .orElse(applicationName);
    }

    /** Applies the deliveries; false when the application began to stop before they were all done. */
    private boolean applyUntilDone(EventHandler handler, String group, List<Delivery> deliveries) {
        for (int attempt = 0; ; attempt++) {
            if (isStopping()) {
                return false;
            }
            try {
                applyInTransaction(handler, group, deliveries);
                status.applied(handler.channel(), deliveries.size());
                return true;
            } catch (RuntimeException e) {
                if (isStopping()) {
                    return false; // the failure may only be the database closing under us
                }
                if (Failures.isPermanent(e)) {
                    return deliveries.size() == 1
                            ? deadLetter(handler, group, deliveries.get(0), e)
                            : applyOneByOne(handler, group, deliveries);
                }
                status.retrying(handler.channel(), e);
                metrics.counter("okrpm.events.retries", "channel", handler.channel()).increment();
                backOff(attempt);
            }
        }
    }

    /** A poll holding a poison record: each record on its own, so only that one is dead-lettered. */
    private boolean applyOneByOne(EventHandler handler, String group, List<Delivery> deliveries) {
        for (Delivery delivery : deliveries) {
            if (!applyUntilDone(handler, group, List.of(delivery))) {
                return false;
            }
        }
        return true;
    }

    private void applyInTransaction(EventHandler handler, String group, List<Delivery> deliveries) {
        if (handler instanceof BatchEventHandler batchHandler) {
            List<IncomingEvent> events = deliveries.stream().map(Delivery::event).toList();
            tracing.processAll(events, group, () -> transaction().run(() -> batchHandler.applyAll(events)));
            return;
        }
        transaction().run(() -> {
            for (Delivery delivery : deliveries) {
                tracing.process(delivery.event(), group, () -> {
                    if (consumed.firstDelivery(group, delivery.event())) {
                        handler.apply(delivery.event());
                    }
                });
            }
        });
    }

    private TransactionRunnerOptions transaction() {
        return QuarkusTransaction.requiringNew().timeout((int) transactionTimeout.toSeconds());
    }

    private boolean deadLetter(EventHandler handler, String group, Delivery delivery, RuntimeException failure) {
        for (int attempt = 0; ; attempt++) {
            if (isStopping()) {
                return false;
            }
            try {
                // in the event's trace, like its failed attempts: the copy on the .dlq topic continues it too
                tracing.process(delivery.event(), group, () ->
                        deadLetters.record(group, handler.channel(), delivery.record(), delivery.event(), failure));
                return true;
            } catch (RuntimeException e) {
                status.retrying(handler.channel(), e);
                backOff(attempt);
            }
        }
    }

    /**
     * Applies one dead letter's event again with its handler, in a transaction of its own, with no retries.
     * Throws what the handler threw.
     */
    void reapply(EventHandler handler, DeadLetter letter) {
        applyInTransaction(handler, letter.consumerGroup,
                List.of(new Delivery(null, letter.event())));
    }

    private boolean isStopping() {
        return stopping.getCount() == 0;
    }

    /** 50 ms doubling up to 5 s; returns at once when the application stops. */
    private void backOff(int attempt) {
        long delay = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS << Math.min(attempt, 10));
        try {
            stopping.await(delay, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping.countDown();
        }
    }
}

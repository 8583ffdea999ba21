package org.okrpm.kit.events;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows to Kafka, oldest first, and marks them sent. Woken right after each
 * commit that wrote events; a sweep every few seconds catches whatever was left (broker down, crash).
 * Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so several replicas never publish the same row
 * at the same time. A row is marked sent only after the broker acknowledged it (acks=all, idempotent
 * producer): delivery is at least once, which the consumers' idempotency turns into exactly-once effects.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 200;
    /** Hibernate's lock timeout that means SKIP LOCKED. */
    private static final int SKIP_LOCKED = -2;

    @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092")
    String bootstrapServers;

    @ConfigProperty(name = "quarkus.application.name")
    String applicationName;

    @ConfigProperty(name = "okrpm.outbox.retention", defaultValue = "P7D")
    Duration retention;

    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "outbox-relay");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile Producer<String, String> producer;
    private volatile boolean lastDrainFailed;

    /** Asks for a drain soon, off the caller's thread. */
    public void wake() {
        pending.set(true);
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException shuttingDown) {
            // the application is stopping: what is left stays in the outbox for the next start
        }
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

    /** Publishes until the outbox is empty; one drain at a time per instance. */
    void drain() {
        while (pending.get() && running.compareAndSet(false, true)) {
            try {
                pending.set(false);
                int sent;
                do {
                    sent = QuarkusTransaction.requiringNew().timeout(60).call(this::publishBatch);
                } while (sent == BATCH);
                if (lastDrainFailed) {
                    LOG.info("Outbox relay publishes again");
                    lastDrainFailed = false;
                }
            } catch (Exception e) {
                if (!lastDrainFailed) {
                    LOG.warnf("Outbox relay could not publish (%s); events stay in the outbox and are retried",
                            e.getMessage());
                }
                lastDrainFailed = true;
            } finally {
                running.set(false);
            }
        }
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
            acks.add(producer().send(record(event)));
        }
        for (Future<RecordMetadata> ack : acks) {
            ack.get(30, TimeUnit.SECONDS);
        }
        Instant now = Instant.now();
        batch.forEach(event -> event.sentAt = now);
        return batch.size();
    }

    private ProducerRecord<String, String> record(OutboxEvent event) {
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
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}

package org.okrpm.kit.events;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * How every service applies a consumed record. The handler runs in its own transaction; the record is acked
 * (its offset may be committed) only after that committed. An unreadable record is nacked at once and goes
 * to {@code <topic>.dlq}; other failures are retried three times with backoff first. While the application
 * stops, a record is left unacknowledged instead: its handler may fail only because the database is already
 * closed, and dead-lettering it would lose it — unacknowledged, it is delivered again after the restart.
 */
@ApplicationScoped
public class EventConsumption {

    private static final Logger LOG = Logger.getLogger(EventConsumption.class);
    private static final int ATTEMPTS = 4;
    private static final long FIRST_BACKOFF_MS = 100;

    private volatile boolean stopping;

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @SuppressWarnings("unchecked")
    public CompletionStage<Void> process(Message<String> message, Consumer<ConsumerRecord<String, String>> handler) {
        ConsumerRecord<String, String> record = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(metadata -> (ConsumerRecord<String, String>) metadata.getRecord())
                .orElseThrow(() -> new IllegalStateException("not a Kafka record"));
        for (int attempt = 1; ; attempt++) {
            if (stopping) {
                return leftForRedelivery(record);
            }
            try {
                handler.accept(record);
                return message.ack();
            } catch (UnreadableEventException e) {
                return message.nack(e);
            } catch (RuntimeException e) {
                if (stopping) {
                    return leftForRedelivery(record);
                }
                if (attempt == ATTEMPTS) {
                    return message.nack(e);
                }
                backOff(attempt);
            }
        }
    }

    private static CompletionStage<Void> leftForRedelivery(ConsumerRecord<String, String> record) {
        LOG.debugf("Stopping: %s-%d@%d is left for redelivery", record.topic(), record.partition(), record.offset());
        return CompletableFuture.completedFuture(null);
    }

    private static void backOff(int attempt) {
        try {
            TimeUnit.MILLISECONDS.sleep(FIRST_BACKOFF_MS << (attempt - 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

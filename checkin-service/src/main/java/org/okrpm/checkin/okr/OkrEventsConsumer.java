package org.okrpm.checkin.okr;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.okrpm.kit.events.IncomingEvent;
import org.okrpm.kit.events.UnreadableEventException;

/**
 * checkin-service ← okr.key-results, okr.objectives, okr.cycles: the okr replica. Each attempt is its own
 * transaction; after the retries (none for an unreadable payload) the record goes to {@code <topic>.dlq}
 * (configured failure strategy) and the partition moves on. Offsets are committed after the handler's
 * transaction committed.
 */
@ApplicationScoped
public class OkrEventsConsumer {

    @Inject
    OkrEventHandler handler;

    @Incoming("okr-key-results")
    @Blocking
    @Retry(maxRetries = 3, delay = 100, abortOn = UnreadableEventException.class)
    @ExponentialBackoff
    public void onKeyResult(ConsumerRecord<String, String> record) {
        handler.keyResult(IncomingEvent.of(record));
    }

    @Incoming("okr-objectives")
    @Blocking
    @Retry(maxRetries = 3, delay = 100, abortOn = UnreadableEventException.class)
    @ExponentialBackoff
    public void onObjective(ConsumerRecord<String, String> record) {
        handler.objective(IncomingEvent.of(record));
    }

    @Incoming("okr-cycles")
    @Blocking
    @Retry(maxRetries = 3, delay = 100, abortOn = UnreadableEventException.class)
    @ExponentialBackoff
    public void onCycle(ConsumerRecord<String, String> record) {
        handler.cycle(IncomingEvent.of(record));
    }
}

package org.okrpm.project.keyresult;

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
 * project-service ← okr.key-results. Each attempt is its own transaction; after the retries the record goes
 * to okr.key-results.dlq (configured failure strategy) and the partition moves on. The offset is committed
 * only after the handler's transaction committed.
 */
@ApplicationScoped
public class KeyResultEventsConsumer {

    @Inject
    KeyResultEventHandler handler;

    @Incoming("okr-key-results")
    @Blocking
    @Retry(maxRetries = 3, delay = 100, abortOn = UnreadableEventException.class)
    @ExponentialBackoff
    public void onKeyResultEvent(ConsumerRecord<String, String> record) {
        handler.apply(IncomingEvent.of(record));
    }
}

package org.okrpm.okr.checkin;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.okrpm.kit.events.IncomingEvent;
import org.okrpm.kit.events.UnreadableEventException;

/** okr-service ← checkin.check-ins: retries, then checkin.check-ins.dlq. */
@ApplicationScoped
public class CheckInEventsConsumer {

    @Inject
    CheckInEventHandler handler;

    @Incoming("check-ins")
    @Blocking
    @Retry(maxRetries = 3, delay = 100, abortOn = UnreadableEventException.class)
    @ExponentialBackoff
    public void onCheckIn(ConsumerRecord<String, String> record) {
        handler.apply(IncomingEvent.of(record));
    }
}

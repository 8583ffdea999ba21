package org.okrpm.okr.checkin;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.okrpm.kit.events.EventConsumption;
import org.okrpm.kit.events.IncomingEvent;

/** okr-service ← checkin.check-ins: retries, then checkin.check-ins.dlq. */
@ApplicationScoped
public class CheckInEventsConsumer {

    @Inject
    EventConsumption consumption;

    @Inject
    CheckInEventHandler handler;

    @Incoming("check-ins")
    @Blocking
    public CompletionStage<Void> onCheckIn(Message<String> message) {
        return consumption.process(message, record -> handler.apply(IncomingEvent.of(record)));
    }
}

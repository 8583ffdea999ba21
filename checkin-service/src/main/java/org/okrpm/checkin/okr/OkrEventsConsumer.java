package org.okrpm.checkin.okr;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.okrpm.kit.events.EventConsumption;
import org.okrpm.kit.events.IncomingEvent;

/**
 * checkin-service ← okr.key-results, okr.objectives, okr.cycles: the okr replica. Each attempt is its own
 * transaction; after the retries (none for an unreadable payload) the record goes to {@code <topic>.dlq}
 * (configured failure strategy) and the partition moves on. Offsets are committed after the handler's
 * transaction committed.
 */
@ApplicationScoped
public class OkrEventsConsumer {

    @Inject
    EventConsumption consumption;

    @Inject
    OkrEventHandler handler;

    @Incoming("okr-key-results")
    @Blocking
    public CompletionStage<Void> onKeyResult(Message<String> message) {
        return consumption.process(message, record -> handler.keyResult(IncomingEvent.of(record)));
    }

    @Incoming("okr-objectives")
    @Blocking
    public CompletionStage<Void> onObjective(Message<String> message) {
        return consumption.process(message, record -> handler.objective(IncomingEvent.of(record)));
    }

    @Incoming("okr-cycles")
    @Blocking
    public CompletionStage<Void> onCycle(Message<String> message) {
        return consumption.process(message, record -> handler.cycle(IncomingEvent.of(record)));
    }
}

package org.okrpm.checkin.okr;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.okrpm.kit.events.EventConsumption;
import org.okrpm.kit.events.IncomingEvent;

/**
 * checkin-service ← okr.key-results, okr.objectives, okr.cycles: the okr replica. Each attempt is its own
 * transaction; after the retries (none for an unreadable payload) the record goes to {@code <topic>.dlq}
 * (configured failure strategy) and the partition moves on. Offsets are committed after the handler's
 * transaction committed. Progress changes are acknowledged without touching the replica.
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
        return consumption.process(message, record -> applyUnlessProgressChange(record, handler::keyResult));
    }

    @Incoming("okr-objectives")
    @Blocking
    public CompletionStage<Void> onObjective(Message<String> message) {
        return consumption.process(message, record -> applyUnlessProgressChange(record, handler::objective));
    }

    /** The replica keeps no progress: progress changes, most of the traffic, need no transaction. */
    private static void applyUnlessProgressChange(ConsumerRecord<String, String> record,
                                                  Consumer<IncomingEvent> apply) {
        IncomingEvent event = IncomingEvent.of(record);
        if (!event.isProgressChange()) {
            apply.accept(event);
        }
    }

    @Incoming("okr-cycles")
    @Blocking
    public CompletionStage<Void> onCycle(Message<String> message) {
        return consumption.process(message, record -> handler.cycle(IncomingEvent.of(record)));
    }
}

package org.okrpm.project.keyresult;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.okrpm.kit.events.EventConsumption;
import org.okrpm.kit.events.IncomingEvent;

/**
 * project-service ← okr.key-results. Each attempt is its own transaction; after the retries the record goes
 * to okr.key-results.dlq (configured failure strategy) and the partition moves on. The offset is committed
 * only after the handler's transaction committed. Progress changes are acknowledged without touching the
 * replica (it keeps no progress).
 */
@ApplicationScoped
public class KeyResultEventsConsumer {

    @Inject
    EventConsumption consumption;

    @Inject
    KeyResultEventHandler handler;

    @Incoming("okr-key-results")
    @Blocking
    public CompletionStage<Void> onKeyResultEvent(Message<String> message) {
        return consumption.process(message, record -> {
            IncomingEvent event = IncomingEvent.of(record);
            // the replica keeps no progress: progress changes, most of the topic's traffic, need no transaction
            if (!event.isProgressChange()) {
                handler.apply(event);
            }
        });
    }
}

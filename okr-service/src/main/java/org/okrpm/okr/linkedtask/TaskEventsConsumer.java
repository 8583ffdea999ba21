package org.okrpm.okr.linkedtask;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.okrpm.kit.events.EventConsumption;
import org.okrpm.kit.events.IncomingEvent;

/**
 * okr-service ← project.tasks. Each attempt is its own transaction; after the retries the record goes to
 * project.tasks.dlq (configured failure strategy) and the partition moves on. The offset is committed
 * only after the handler's transaction committed.
 */
@ApplicationScoped
public class TaskEventsConsumer {

    @Inject
    EventConsumption consumption;

    @Inject
    TaskEventHandler handler;

    @Incoming("project-tasks")
    @Blocking
    public CompletionStage<Void> onTaskEvent(Message<String> message) {
        return consumption.process(message, record -> handler.apply(IncomingEvent.of(record)));
    }
}

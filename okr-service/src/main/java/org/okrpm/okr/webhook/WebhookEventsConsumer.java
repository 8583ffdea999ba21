package org.okrpm.okr.webhook;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.okrpm.kit.events.EventConsumption;

/**
 * okr-service's own topics, read back in a consumer group of their own (okr-service-webhooks) to turn
 * events into deliveries. Driving webhooks from Kafka rather than from the request means a committed
 * change always reaches its subscribers, across restarts; the offset is committed only after the
 * deliveries are. Retries, then {@code <topic>.dlq}.
 */
@ApplicationScoped
public class WebhookEventsConsumer {

    @Inject
    EventConsumption consumption;

    @Inject
    WebhookEventHandler handler;

    @Incoming("webhooks-key-results")
    @Blocking
    public CompletionStage<Void> onKeyResultEvent(Message<String> message) {
        return consumption.process(message, record -> handler.apply(record));
    }

    @Incoming("webhooks-objectives")
    @Blocking
    public CompletionStage<Void> onObjectiveEvent(Message<String> message) {
        return consumption.process(message, record -> handler.apply(record));
    }

    @Incoming("webhooks-cycles")
    @Blocking
    public CompletionStage<Void> onCycleEvent(Message<String> message) {
        return consumption.process(message, record -> handler.apply(record));
    }
}

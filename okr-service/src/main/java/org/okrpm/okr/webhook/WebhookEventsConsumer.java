package org.okrpm.okr.webhook;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.okrpm.kit.events.UnreadableEventException;

/**
 * okr-service's own topics, read back in a consumer group of their own (okr-service-webhooks) to turn
 * events into deliveries. Driving webhooks from Kafka rather than from the request means a committed
 * change always reaches its subscribers, across restarts; the offset is committed only after the
 * deliveries are. Retries, then {@code <topic>.dlq}.
 */
@ApplicationScoped
public class WebhookEventsConsumer {

    @Inject
    WebhookEventHandler handler;

    @Incoming("webhooks-key-results")
    @Blocking
    @Retry(maxRetries = 3, delay = 100, abortOn = UnreadableEventException.class)
    @ExponentialBackoff
    public void onKeyResultEvent(ConsumerRecord<String, String> record) {
        handler.apply(record);
    }

    @Incoming("webhooks-objectives")
    @Blocking
    @Retry(maxRetries = 3, delay = 100, abortOn = UnreadableEventException.class)
    @ExponentialBackoff
    public void onObjectiveEvent(ConsumerRecord<String, String> record) {
        handler.apply(record);
    }

    @Incoming("webhooks-cycles")
    @Blocking
    @Retry(maxRetries = 3, delay = 100, abortOn = UnreadableEventException.class)
    @ExponentialBackoff
    public void onCycleEvent(ConsumerRecord<String, String> record) {
        handler.apply(record);
    }
}

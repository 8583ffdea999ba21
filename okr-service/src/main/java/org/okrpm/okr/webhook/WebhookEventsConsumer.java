package org.okrpm.okr.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.okrpm.kit.envelope.IncomingEvent;
import org.okrpm.kit.events.KafkaEventConsumer;
import org.okrpm.kit.events.UnreadableEventException;

/**
 * The topics of the {@link WebhookEventTypes} (okr-service's own, read back, and checkin-service's and
 * project-service's: {@code mp.messaging.incoming.webhook-events.topics}), in a consumer group of their own (okr-service-webhooks): each event becomes one PENDING
 * delivery per ACTIVE subscription that wants its type, whose scope ({@link EventScope}) it is in and that
 * existed when it happened.
 * Driving webhooks from Kafka rather than from the request means a committed change always reaches its
 * subscribers, across restarts; the kit applies each event once per consumer group and commits the offset
 * only after the deliveries are.
 */
@ApplicationScoped
public class WebhookEventsConsumer extends KafkaEventConsumer {

    public static final String CHANNEL = "webhook-events";
    public static final String CONTENT_TYPE = "application/cloudevents+json";

    @Inject
    ObjectMapper mapper;

    @Inject
    WebhookDispatcher dispatcher;

    @ConfigProperty(name = "quarkus.application.name")
    String applicationName;

    public WebhookEventsConsumer() {
        super(CHANNEL);
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> onPoll(Message<List<String>> batch) {
        return consume(batch);
    }

    /** Only the types subscribers can ask for; the rest of okr-service's traffic needs no transaction. */
    @Override
    public boolean wants(IncomingEvent event) {
        return WebhookEventTypes.nameOf(event.type()).isPresent() && event.subject() != null;
    }

    @Override
    public void apply(IncomingEvent event) {
        String name = WebhookEventTypes.nameOf(event.type()).orElseThrow();
        List<WebhookSubscription> wanting = WebhookSubscription.<WebhookSubscription>list("status",
                        WebhookStatus.ACTIVE).stream()
                .filter(s -> s.wants(name))
                // a subscriber gets what happened after it subscribed, not history replayed by a lagging consumer
                .filter(s -> !event.time().isBefore(s.createdAt))
                .toList();
        if (wanting.isEmpty()) {
            return; // read no further: an event nobody wants is never a dead letter here
        }
        JsonNode data = data(event);
        EventScope scope = EventScope.of(name, data);
        List<WebhookSubscription> subscribers = wanting.stream()
                .filter(s -> scope.within(s.cycleId, s.objectiveId, s.projectId))
                .toList();
        if (subscribers.isEmpty()) {
            return;
        }
        String body = cloudEvent(event, data);
        Instant now = Instant.now();
        for (WebhookSubscription subscription : subscribers) {
            WebhookDelivery delivery = new WebhookDelivery();
            delivery.subscriptionId = subscription.id;
            delivery.eventId = event.id();
            delivery.eventType = event.type();
            delivery.subject = event.subject();
            delivery.body = body;
            delivery.status = DeliveryStatus.PENDING;
            delivery.attempts = 0;
            delivery.createdAt = now;
            delivery.nextAttemptAt = now;
            delivery.persist();
        }
        dispatcher.wakeAfterCommit();
    }

    /** The service that published it: okr-service's own events, or checkin-service's and project-service's. */
    private String source(IncomingEvent event) {
        if (event.type().startsWith("checkin.")) {
            return "/checkin-service";
        }
        return event.type().startsWith("project.") ? "/project-service" : "/" + applicationName;
    }

    private JsonNode data(IncomingEvent event) {
        JsonNode data;
        try {
            data = event.payload() == null ? null : mapper.readTree(event.payload());
        } catch (JsonProcessingException e) {
            throw new UnreadableEventException(event.describe() + " does not carry JSON", e);
        }
        if (data == null || !data.isObject()) {
            throw new UnreadableEventException(event.describe() + " has no snapshot", null);
        }
        return data;
    }

    /** The CloudEvents 1.0 structured-mode JSON: the envelope's attributes and the snapshot as {@code data}. */
    private String cloudEvent(IncomingEvent event, JsonNode data) {
        ObjectNode ce = mapper.createObjectNode();
        ce.put("specversion", "1.0");
        ce.put("id", event.id());
        ce.put("source", source(event));
        ce.put("type", event.type());
        ce.put("time", event.time().toString());
        ce.put("subject", event.subject());
        ce.put("datacontenttype", "application/json");
        ce.set("data", data);
        try {
            return mapper.writeValueAsString(ce);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write a CloudEvent", e);
        }
    }
}

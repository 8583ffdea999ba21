package org.okrpm.okr.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.okrpm.kit.events.CloudEvents;
import org.okrpm.kit.events.ConsumedEvents;
import org.okrpm.kit.events.IncomingEvent;
import org.okrpm.kit.events.UnreadableEventException;

/**
 * One okr.* event → one PENDING delivery per ACTIVE subscription that wants its type and existed when it
 * happened, in one transaction. The processed-event record is kept under {@code webhooks:<ce_id>}, apart
 * from any other consumer of this service, so a redelivered event creates nothing twice.
 */
@ApplicationScoped
public class WebhookEventHandler {

    static final String CONSUMER_PREFIX = "webhooks:";
    public static final String CONTENT_TYPE = "application/cloudevents+json";

    @Inject
    ConsumedEvents consumed;

    @Inject
    ObjectMapper mapper;

    @Inject
    WebhookDispatcher dispatcher;

    @Transactional
    public void apply(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        Optional<String> name = WebhookEventTypes.nameOf(event.type());
        if (name.isEmpty() || event.subject() == null) {
            return;
        }
        Instant time = eventTime(record);
        List<WebhookSubscription> subscribers = WebhookSubscription.<WebhookSubscription>list("status",
                        WebhookStatus.ACTIVE).stream()
                .filter(s -> s.wants(name.get()))
                // a subscriber gets what happened after it subscribed, not history replayed by a lagging consumer
                .filter(s -> !time.isBefore(s.createdAt))
                .toList();
        if (subscribers.isEmpty()) {
            return;
        }
        IncomingEvent mine = new IncomingEvent(CONSUMER_PREFIX + event.id(), event.type(), event.subject(),
                event.topic(), event.payload());
        if (!consumed.firstDelivery(mine)) {
            return;
        }
        String body = cloudEvent(record, event, time);
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

    /** The CloudEvents 1.0 structured-mode JSON: the envelope's attributes and the snapshot as {@code data}. */
    private String cloudEvent(ConsumerRecord<String, String> record, IncomingEvent event, Instant time) {
        JsonNode data;
        try {
            data = event.payload() == null ? null : mapper.readTree(event.payload());
        } catch (JsonProcessingException e) {
            throw new UnreadableEventException(event.describe() + " does not carry JSON", e);
        }
        if (data == null) {
            throw new UnreadableEventException(event.describe() + " has no payload", null);
        }
        ObjectNode ce = mapper.createObjectNode();
        ce.put("specversion", "1.0");
        ce.put("id", event.id());
        ce.put("source", Optional.ofNullable(header(record, CloudEvents.SOURCE)).orElse("/okr-service"));
        ce.put("type", event.type());
        ce.put("time", time.toString());
        ce.put("subject", event.subject());
        ce.put("datacontenttype", "application/json");
        ce.set("data", data);
        try {
            return mapper.writeValueAsString(ce);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write a CloudEvent", e);
        }
    }

    private static Instant eventTime(ConsumerRecord<String, String> record) {
        String time = header(record, CloudEvents.TIME);
        if (time != null) {
            try {
                return Instant.parse(time);
            } catch (DateTimeParseException e) {
                // fall back to the record's timestamp
            }
        }
        return Instant.ofEpochMilli(record.timestamp());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}

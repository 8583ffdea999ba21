package org.okrpm.kit.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import org.okrpm.kit.http.CurrentRequest;
import org.okrpm.kit.tracing.EventTracing;
import org.okrpm.kit.tracing.TraceHeaders;

/**
 * Writes an event into the outbox inside the caller's transaction: the event exists if and only if the
 * change it announces was committed. Right after the commit the relay is woken to publish it. The event keeps the
 * request id and, when tracing is on, the trace context of the change, so its consumers continue that trace.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    ObjectMapper mapper;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxRelay relay;

    @Inject
    CurrentRequest request;

    @Inject
    EventTracing tracing;

    /**
     * @param topic       e.g. {@code okr.key-results}
     * @param type        e.g. {@code okr.key-result.progress-changed}
     * @param aggregateId the record key and {@code ce_subject}
     * @param snapshot    the aggregate's full state after the change, with its version
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(String topic, String type, Object aggregateId, Object snapshot) {
        OutboxEvent event = new OutboxEvent();
        event.eventId = UUID.randomUUID();
        event.topic = topic;
        event.eventKey = aggregateId.toString();
        event.eventType = type;
        event.payload = json(snapshot);
        event.requestId = request.id();
        TraceHeaders trace = tracing.current();
        if (trace != null) {
            event.traceparent = trace.traceparent();
            String state = trace.tracestate();
            event.tracestate = state != null && state.length() <= OutboxEvent.TRACESTATE_LENGTH ? state : null;
        }
        event.createdAt = Instant.now();
        event.persist();
        relay.wakeAfterCommit(transactions);
    }

    private String json(Object snapshot) {
        try {
            return mapper.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event snapshot cannot be written as JSON", e);
        }
    }
}

package org.okrpm.kit.testapp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PessimisticLockException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.MDC;
import org.okrpm.kit.envelope.IncomingEvent;
import org.okrpm.kit.events.EventConsumption;
import org.okrpm.kit.events.EventHandler;
import org.okrpm.kit.events.Outbox;
import org.okrpm.kit.events.UnreadableEventException;

/**
 * A per-event consumer as docs/events.md describes one. Its payload {@code {"name", "failTimes", "forwardTo"}}: the
 * first {@code failTimes} attempts at an event fail with a lock conflict (transient); unreadable JSON is poison; with
 * {@code forwardTo} it publishes an event of its own to that topic, as consumers that change their state do. It
 * remembers the trace each event was applied in.
 */
@ApplicationScoped
public class RecordingHandler implements EventHandler {

    public static final String CHANNEL = "kit-events";
    public static final String TOPIC = "kit.test.events";
    public static final String GROUP = "kit-test-events";

    public record Payload(String name, int failTimes, String forwardTo) {
    }

    /** The span current while an event was applied, and the trace id its log lines carried. */
    public record Applied(SpanContext span, String loggedTraceId) {
    }

    @Inject
    EventConsumption consumption;

    @Inject
    ObjectMapper mapper;

    @Inject
    Outbox outbox;

    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final Map<String, Applied> traces = new ConcurrentHashMap<>();

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> consume(Message<List<String>> batch) {
        return consumption.consume(this, batch);
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public void apply(IncomingEvent event) {
        Payload payload = UnreadableEventException.parse(mapper, event, Payload.class);
        int attempt = attempts.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
        if (attempt <= payload.failTimes()) {
            throw new PessimisticLockException("simulated lock conflict, attempt " + attempt);
        }
        AppliedEvent applied = new AppliedEvent();
        applied.channel = CHANNEL;
        applied.eventId = event.id();
        applied.name = payload.name();
        applied.persist();
        if (payload.forwardTo() != null) {
            outbox.publish(payload.forwardTo(), "kit.test.forwarded", event.subject(), Map.of("name", payload.name()));
        }
        Object loggedTraceId = MDC.get("traceId");
        traces.put(event.id(), new Applied(Span.current().getSpanContext(),
                loggedTraceId == null ? null : loggedTraceId.toString()));
    }

    /** How the event with this id was traced when it was applied, or null while it was not. */
    public Applied applied(String eventId) {
        return traces.get(eventId);
    }

    /** How often {@link #apply} was called for an event id that it could read. */
    public int attempts(String eventId) {
        AtomicInteger count = attempts.get(eventId);
        return count == null ? 0 : count.get();
    }
}

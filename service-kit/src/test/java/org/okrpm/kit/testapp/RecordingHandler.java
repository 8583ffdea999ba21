package org.okrpm.kit.testapp;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.okrpm.kit.envelope.IncomingEvent;
import org.okrpm.kit.events.EventConsumption;
import org.okrpm.kit.events.EventHandler;
import org.okrpm.kit.events.UnreadableEventException;

/**
 * A per-event consumer as docs/events.md describes one. Its payload {@code {"name", "failTimes"}}: the first
 * {@code failTimes} attempts at an event fail with a lock conflict (transient); unreadable JSON is poison.
 */
@ApplicationScoped
public class RecordingHandler implements EventHandler {

    public static final String CHANNEL = "kit-events";
    public static final String TOPIC = "kit.test.events";
    public static final String GROUP = "kit-test-events";

    public record Payload(String name, int failTimes) {
    }

    @Inject
    EventConsumption consumption;

    @Inject
    ObjectMapper mapper;

    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

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
    }

    /** How often {@link #apply} was called for an event id that it could read. */
    public int attempts(String eventId) {
        AtomicInteger count = attempts.get(eventId);
        return count == null ? 0 : count.get();
    }
}

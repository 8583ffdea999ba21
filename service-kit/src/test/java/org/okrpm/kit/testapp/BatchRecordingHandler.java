package org.okrpm.kit.testapp;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.okrpm.kit.envelope.IncomingEvent;
import org.okrpm.kit.events.BatchEventHandler;
import org.okrpm.kit.events.EventConsumption;

/** A coalescing consumer: remembers the event ids of each {@code applyAll} call, and the span it ran in. */
@ApplicationScoped
public class BatchRecordingHandler implements BatchEventHandler {

    public static final String CHANNEL = "kit-batch";
    public static final String TOPIC = "kit.test.batch";
    public static final String GROUP = "kit-test-batch";

    @Inject
    EventConsumption consumption;

    private final List<List<String>> calls = new CopyOnWriteArrayList<>();
    private final Map<String, SpanContext> spans = new ConcurrentHashMap<>();

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
    public void applyAll(List<IncomingEvent> events) {
        calls.add(events.stream().map(IncomingEvent::id).toList());
        events.forEach(event -> spans.put(event.id(), Span.current().getSpanContext()));
    }

    /** The span current while the event with this id was applied, or null while it was not. */
    public SpanContext spanOf(String eventId) {
        return spans.get(eventId);
    }

    public List<List<String>> calls() {
        return List.copyOf(calls);
    }
}

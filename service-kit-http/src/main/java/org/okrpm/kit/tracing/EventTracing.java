package org.okrpm.kit.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.okrpm.kit.envelope.IncomingEvent;

/**
 * Traces across Kafka (docs/events.md, 'Trace context'). The outbox keeps the W3C trace context of the change that
 * wrote an event, the relay publishes the event in a PRODUCER span continuing that trace and sends the span's
 * context as headers, and a consumer applies the event in a CONSUMER span that continues it again: one trace from
 * an HTTP request through every service its events reach. The Kafka clients are plain (relay) or batch consumers,
 * which OpenTelemetry's automatic instrumentation cannot follow, hence this class.
 * <p>
 * Tracing is off unless {@code quarkus.otel.sdk.disabled=false}: then every method returns at once, events carry
 * no trace headers and no span object is made.
 */
@ApplicationScoped
public class EventTracing {

    /** Most links a span applying a batch gets (the SDK's default limit is 128). */
    static final int MAX_LINKS = 100;

    private static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
    private static final AttributeKey<String> OPERATION = AttributeKey.stringKey("messaging.operation.type");
    private static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    private static final AttributeKey<String> GROUP = AttributeKey.stringKey("messaging.consumer.group.name");
    private static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
    private static final AttributeKey<Long> BATCH_SIZE = AttributeKey.longKey("messaging.batch.message_count");
    private static final AttributeKey<String> EVENT_TYPE = AttributeKey.stringKey("cloudevents.event_type");
    private static final AttributeKey<String> EVENT_SUBJECT = AttributeKey.stringKey("cloudevents.event_subject");

    private static final TextMapGetter<TraceHeaders> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(TraceHeaders carrier) {
            return List.of("traceparent", "tracestate");
        }

        @Override
        public String get(TraceHeaders carrier, String key) {
            if (carrier == null) {
                return null;
            }
            return switch (key) {
                case "traceparent" -> carrier.traceparent();
                case "tracestate" -> carrier.tracestate();
                default -> null;
            };
        }
    };

    @Inject
    OpenTelemetry openTelemetry;

    @ConfigProperty(name = "quarkus.otel.sdk.disabled", defaultValue = "false")
    boolean disabled;

    private Tracer tracer;

    @PostConstruct
    void init() {
        tracer = openTelemetry.getTracer("org.okrpm.kit.events");
    }

    /** Whether spans are made at all ({@code quarkus.otel.sdk.disabled=false}). */
    public boolean enabled() {
        return !disabled;
    }

    /** The trace context of the current span, to store with an event written now; null when nothing is traced. */
    public TraceHeaders current() {
        if (disabled) {
            return null;
        }
        return headersOf(Context.current());
    }

    /**
     * A PRODUCER span for publishing one event, continuing the trace its outbox row was written in; close it
     * when the broker acknowledged. Null when tracing is off or the row has no trace context.
     */
    public Span startPublish(String topic, String eventId, String type, String subject, TraceHeaders written) {
        if (disabled || written == null || written.traceparent() == null) {
            return null;
        }
        return tracer.spanBuilder("publish " + topic)
                .setParent(extract(Context.root(), written))
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute(SYSTEM, "kafka")
                .setAttribute(OPERATION, "send")
                .setAttribute(DESTINATION, topic)
                .setAttribute(MESSAGE_ID, eventId)
                .setAttribute(EVENT_TYPE, type)
                .setAttribute(EVENT_SUBJECT, subject)
                .startSpan();
    }

    /** The trace context to send with an event published in {@code span} (from {@link #startPublish}). */
    public TraceHeaders headersOf(Span span) {
        return span == null ? null : headersOf(Context.root().with(span));
    }

    /**
     * Runs {@code work} applying one event in a CONSUMER span that continues the event's trace (or the current
     * one, e.g. an admin's re-drive request, when the event carries none). Logs written meanwhile carry its ids,
     * and events written to the outbox meanwhile carry its trace.
     */
    public void process(IncomingEvent event, String group, Runnable work) {
        if (disabled) {
            work.run();
            return;
        }
        SpanBuilder span = consumerSpan(event.topic(), group, extract(Context.current(), headers(event)))
                .setAttribute(MESSAGE_ID, event.id())
                .setAttribute(EVENT_TYPE, event.type())
                .setAttribute(EVENT_SUBJECT, event.subject());
        within(span.startSpan(), work);
    }

    /**
     * Runs {@code work} applying several events together (a coalescing handler) in one CONSUMER span. It continues
     * the trace of the last event that has one (the newest state, which is what gets applied) and links the
     * others, so each producer's trace leads to it.
     */
    public void processAll(List<IncomingEvent> events, String group, Runnable work) {
        if (disabled || events.isEmpty()) {
            work.run();
            return;
        }
        Set<SpanContext> producers = new LinkedHashSet<>();
        for (IncomingEvent event : events) {
            SpanContext producer = Span.fromContext(extract(Context.root(), headers(event))).getSpanContext();
            if (producer.isValid()) {
                producers.remove(producer); // keeps the order of last appearance
                producers.add(producer);
            }
        }
        List<SpanContext> ordered = new ArrayList<>(producers);
        Context parent = ordered.isEmpty() ? Context.current()
                : Context.current().with(Span.wrap(ordered.get(ordered.size() - 1)));
        SpanBuilder span = consumerSpan(events.get(events.size() - 1).topic(), group, parent)
                .setAttribute(BATCH_SIZE, (long) events.size());
        for (SpanContext producer : ordered.subList(Math.max(0, ordered.size() - 1 - MAX_LINKS),
                Math.max(0, ordered.size() - 1))) {
            span.addLink(producer);
        }
        within(span.startSpan(), work);
    }

    private SpanBuilder consumerSpan(String topic, String group, Context parent) {
        return tracer.spanBuilder("process " + topic)
                .setParent(parent)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute(SYSTEM, "kafka")
                .setAttribute(OPERATION, "process")
                .setAttribute(DESTINATION, topic)
                .setAttribute(GROUP, group);
    }

    private static void within(Span span, Runnable work) {
        try (Scope ignored = span.makeCurrent()) {
            work.run();
        } catch (RuntimeException | Error e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            span.end();
        }
    }

    private static TraceHeaders headers(IncomingEvent event) {
        return event.traceparent() == null ? null : new TraceHeaders(event.traceparent(), event.tracestate());
    }

    private static Context extract(Context base, TraceHeaders headers) {
        return headers == null ? base : W3CTraceContextPropagator.getInstance().extract(base, headers, HEADERS);
    }

    private static TraceHeaders headersOf(Context context) {
        if (!Span.fromContext(context).getSpanContext().isValid()) {
            return null;
        }
        String[] found = new String[2];
        W3CTraceContextPropagator.getInstance().inject(context, found, (carrier, key, value) -> {
            if ("traceparent".equals(key)) {
                carrier[0] = value;
            } else if ("tracestate".equals(key)) {
                carrier[1] = value;
            }
        });
        return found[0] == null ? null : new TraceHeaders(found[0], found[1]);
    }
}

package org.okrpm.kit.tracing;

/**
 * W3C trace context as it travels with an event: {@code traceparent} (version, trace id, parent span id, flags)
 * and the optional vendor part {@code tracestate}.
 */
public record TraceHeaders(String traceparent, String tracestate) {
}

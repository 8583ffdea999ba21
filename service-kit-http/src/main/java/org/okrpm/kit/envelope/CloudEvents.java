package org.okrpm.kit.envelope;

/** The CloudEvents 1.0 Kafka binary-mode header names of docs/events.md. */
public final class CloudEvents {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    /** Extension attribute: the X-Request-Id of the request that caused the event. */
    public static final String REQUEST_ID = "ce_requestid";
    /**
     * W3C trace context of the change that caused the event, as OpenTelemetry's Kafka instrumentations read it.
     * Sent (with {@link #CE_TRACEPARENT}) only when tracing is on.
     */
    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";
    /** The same, as the CloudEvents distributed-tracing extension attributes in binary mode. */
    public static final String CE_TRACEPARENT = "ce_traceparent";
    public static final String CE_TRACESTATE = "ce_tracestate";
    public static final String CONTENT_TYPE = "content-type";

    private CloudEvents() {
    }
}

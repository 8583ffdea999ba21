package org.okrpm.kit.envelope;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * A consumed record read through the CloudEvents envelope of docs/events.md.
 *
 * @param time      {@code ce_time}, or the record's timestamp when absent
 * @param requestId   the X-Request-Id of the request that caused the event, when the producer knew one
 * @param traceparent the W3C trace context of the change that caused the event, when it was traced (else null)
 * @param tracestate  its vendor part, when there was one
 */
public record IncomingEvent(String id, String type, String subject, String topic, String payload, Instant time,
                            String requestId, String traceparent, String tracestate) {

    /** An event without trace context (e.g. one read back from a dead letter). */
    public IncomingEvent(String id, String type, String subject, String topic, String payload, Instant time,
                         String requestId) {
        this(id, type, subject, topic, payload, time, requestId, null, null);
    }

    public static IncomingEvent of(ConsumerRecord<String, String> record) {
        String id = header(record, CloudEvents.ID);
        if (id == null) {
            // not one of ours: derive a stable id so redelivery is still recognised
            id = record.topic() + "/" + record.partition() + "/" + record.offset();
        }
        String subject = header(record, CloudEvents.SUBJECT);
        String traceparent = header(record, CloudEvents.TRACEPARENT);
        String tracestate = header(record, CloudEvents.TRACESTATE);
        if (traceparent == null) {
            traceparent = header(record, CloudEvents.CE_TRACEPARENT);
            tracestate = header(record, CloudEvents.CE_TRACESTATE);
        }
        return new IncomingEvent(id, header(record, CloudEvents.TYPE), subject != null ? subject : record.key(),
                record.topic(), record.value(), time(record), header(record, CloudEvents.REQUEST_ID),
                traceparent, tracestate);
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Instant time(ConsumerRecord<String, String> record) {
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

    /** A {@code *.progress-changed} event: only progress moved, nothing else of the aggregate changed. */
    public boolean isProgressChange() {
        return type != null && type.endsWith(".progress-changed");
    }

    /** How history entries and logs name this event. */
    public String describe() {
        return "event " + id + " (" + type + ")";
    }
}

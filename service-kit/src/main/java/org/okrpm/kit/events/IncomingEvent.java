package org.okrpm.kit.events;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** A consumed record read through the CloudEvents envelope of EVENTS.md. */
public record IncomingEvent(String id, String type, String subject, String topic, String payload) {

    public static IncomingEvent of(ConsumerRecord<String, String> record) {
        String id = header(record, CloudEvents.ID);
        if (id == null) {
            // not one of ours: derive a stable id so redelivery is still recognised
            id = record.topic() + "/" + record.partition() + "/" + record.offset();
        }
        String subject = header(record, CloudEvents.SUBJECT);
        return new IncomingEvent(id, header(record, CloudEvents.TYPE), subject != null ? subject : record.key(),
                record.topic(), record.value());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
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

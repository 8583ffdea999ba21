package org.okrpm.gateway.stream;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.okrpm.kit.envelope.IncomingEvent;

/**
 * One event as pushed to SSE clients: its stream id, its name ({@link StreamEventTypes}), the ids clients filter
 * on (those the snapshot itself carries) and the snapshot on one line.
 *
 * <p>The id is {@code <topic>/<partition>/<offset>} of the Kafka record: every gateway replica reads the same
 * records, so an id one replica sent means the same event on every other, and {@code Last-Event-ID} works
 * whichever replica a reconnect lands on.
 */
public record StreamEvent(String id, String name, Instant time, String cycleId, String objectiveId,
                          String projectId, String data) {

    /** The event carried by {@code record}, or empty for a type the stream does not carry or an unreadable value. */
    static Optional<StreamEvent> of(ConsumerRecord<String, String> record, IncomingEvent event) {
        String name = StreamEventTypes.nameOf(event.type());
        if (name == null || event.payload() == null) {
            return Optional.empty();
        }
        JsonObject snapshot;
        try {
            snapshot = new JsonObject(event.payload());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        String id = snapshot.getString("id");
        String kind = name.substring(0, name.indexOf('.'));
        String cycleId = switch (kind) {
            case "cycle" -> id;
            case "objective", "key-result", "check-in" -> snapshot.getString("cycleId");
            default -> null;
        };
        String objectiveId = switch (kind) {
            case "objective" -> id;
            case "key-result", "check-in" -> snapshot.getString("objectiveId");
            default -> null;
        };
        String projectId = switch (kind) {
            case "project" -> id;
            case "task" -> snapshot.getString("projectId");
            default -> null;
        };
        // re-encoded so that the data fits on one SSE line whatever the producer's formatting
        return Optional.of(new StreamEvent(record.topic() + "/" + record.partition() + "/" + record.offset(), name,
                event.time(), lower(cycleId), lower(objectiveId), lower(projectId), snapshot.encode()));
    }

    /** The text/event-stream frame. */
    public String frame() {
        return "id: " + id + "\nevent: " + name + "\ndata: " + data + "\n\n";
    }

    private static String lower(String id) {
        return id == null ? null : id.toLowerCase(java.util.Locale.ROOT);
    }
}

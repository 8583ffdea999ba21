package org.okrpm.gateway.stream;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.okrpm.kit.envelope.IncomingEvent;

/**
 * One event as pushed to SSE clients: its stream id, its name ({@link StreamEventTypes}), the ids clients filter
 * on (those the snapshot itself carries: see docs/api.md, Live stream), who may see it, and the snapshot on one
 * line.
 *
 * <p>The id is {@code <topic>/<partition>/<offset>} of the Kafka record: every gateway replica reads the same
 * records, so an id one replica sent means the same event on every other, and {@code Last-Event-ID} works
 * whichever replica a reconnect lands on.
 *
 * @param cycleIds     the cycles the event belongs to: a cycle's own id; an objective's, key result's, check-in's
 *                     or task's {@code cycleId}; a project's {@code cycleIds} (those of its key results)
 * @param objectiveIds likewise: an objective's own id; {@code objectiveId} of a key result, check-in or task; a
 *                     project's {@code objectiveIds}
 * @param audience     who may see it when it is about a PRIVATE objective (or one of its key results); null: anyone
 */
public record StreamEvent(String id, String name, Instant time, Set<String> cycleIds, Set<String> objectiveIds,
                          String projectId, Audience audience, String data) {

    /** The people a private objective's events are for, besides admins: its owner, its creator and its team. */
    public record Audience(String ownerId, String createdBy, String teamId) {
    }

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
        String id = text(snapshot, "id");
        String kind = name.substring(0, name.indexOf('.'));
        Set<String> cycleIds = switch (kind) {
            case "cycle" -> ids(id);
            case "objective", "key-result", "check-in", "task" -> ids(text(snapshot, "cycleId"));
            case "project" -> ids(snapshot, "cycleIds");
            default -> Set.of();
        };
        Set<String> objectiveIds = switch (kind) {
            case "objective" -> ids(id);
            case "key-result", "check-in", "task" -> ids(text(snapshot, "objectiveId"));
            case "project" -> ids(snapshot, "objectiveIds");
            default -> Set.of();
        };
        String projectId = switch (kind) {
            case "project" -> lower(id);
            case "task" -> lower(text(snapshot, "projectId"));
            default -> null;
        };
        Audience audience = switch (kind) {
            case "objective" -> audience(snapshot, "visibility", "ownerId", "createdBy", "teamId");
            case "key-result", "check-in" -> audience(snapshot, "objectiveVisibility", "objectiveOwnerId",
                    "objectiveCreatedBy", "objectiveTeamId");
            default -> null;
        };
        // re-encoded so that the data fits on one SSE line whatever the producer's formatting
        return Optional.of(new StreamEvent(record.topic() + "/" + record.partition() + "/" + record.offset(), name,
                event.time(), cycleIds, objectiveIds, projectId, audience, snapshot.encode()));
    }

    /** The text/event-stream frame. */
    public String frame() {
        return "id: " + id + "\nevent: " + name + "\ndata: " + data + "\n\n";
    }

    /**
     * Null (anyone may see it) unless the snapshot says the objective is PRIVATE. A private objective's event
     * without owner, creator or team is for admins only. (A key result's snapshot names no creator today; its
     * {@code objectiveCreatedBy} is honoured when a producer adds it.)
     */
    private static Audience audience(JsonObject snapshot, String visibility, String owner, String creator,
                                     String team) {
        if (!"PRIVATE".equals(text(snapshot, visibility))) {
            return null;
        }
        return new Audience(text(snapshot, owner), text(snapshot, creator), text(snapshot, team));
    }

    /** A string field, or null when it is missing or of another type (a producer's mistake must not stop the stream). */
    private static String text(JsonObject snapshot, String field) {
        Object value = snapshot.getValue(field);
        return value instanceof String text ? text : null;
    }

    private static Set<String> ids(String id) {
        return id == null ? Set.of() : Set.of(lower(id));
    }

    private static Set<String> ids(JsonObject snapshot, String field) {
        Object value = snapshot.getValue(field);
        if (!(value instanceof JsonArray array)) {
            return Set.of();
        }
        Set<String> ids = new LinkedHashSet<>();
        array.forEach(item -> {
            if (item instanceof String text) {
                ids.add(lower(text));
            }
        });
        return Set.copyOf(ids);
    }

    private static String lower(String id) {
        return id == null ? null : id.toLowerCase(Locale.ROOT);
    }
}

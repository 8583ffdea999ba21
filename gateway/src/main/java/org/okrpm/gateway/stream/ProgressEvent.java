package org.okrpm.gateway.stream;

import io.vertx.core.json.JsonObject;
import java.util.Optional;
import org.okrpm.kit.envelope.IncomingEvent;

/**
 * A progress change as pushed to SSE clients: the event name ({@code key-result.progress-changed} or
 * {@code objective.progress-changed}), the snapshot, and what clients filter on.
 */
public record ProgressEvent(String id, String name, String objectiveId, String cycleId, String data) {

    private static final String SUFFIX = ".progress-changed";

    /** The progress change carried by {@code event}, or empty for every other event type. */
    public static Optional<ProgressEvent> of(IncomingEvent event) {
        if (event.type() == null || !event.type().endsWith(SUFFIX) || event.payload() == null) {
            return Optional.empty();
        }
        String name = event.type().startsWith("okr.") ? event.type().substring(4) : event.type();
        JsonObject snapshot;
        try {
            snapshot = new JsonObject(event.payload());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        String objectiveId = name.startsWith("objective.") ? snapshot.getString("id") : snapshot.getString("objectiveId");
        // re-encoded so that the data fits on one SSE line whatever the producer's formatting
        return Optional.of(new ProgressEvent(event.id(), name, objectiveId, snapshot.getString("cycleId"),
                snapshot.encode()));
    }

    public boolean matches(String wantedObjectiveId, String wantedCycleId) {
        return (wantedObjectiveId == null || wantedObjectiveId.equals(objectiveId))
                && (wantedCycleId == null || wantedCycleId.equals(cycleId));
    }

    /** The text/event-stream frame. */
    public String frame() {
        return "id: " + id + "\nevent: " + name + "\ndata: " + data + "\n\n";
    }
}

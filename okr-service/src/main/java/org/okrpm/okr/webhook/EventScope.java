package org.okrpm.okr.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;

/**
 * The cycle, objective and project an event belongs to, as far as its snapshot says: a cycle is its own cycle;
 * objectives, key results and check-ins carry {@code cycleId} (and {@code objectiveId}); a project is its own
 * project and a task carries {@code projectId}. A webhook scoped to an id gets only the events that carry it,
 * the same rule as the gateway's live stream.
 */
record EventScope(UUID cycleId, UUID objectiveId, UUID projectId) {

    /** The scope of an event named {@code name} (e.g. {@code task.completed}) with this snapshot. */
    static EventScope of(String name, JsonNode snapshot) {
        String kind = name.substring(0, name.indexOf('.'));
        return switch (kind) {
            case "cycle" -> new EventScope(id(snapshot, "id"), null, null);
            case "objective" -> new EventScope(id(snapshot, "cycleId"), id(snapshot, "id"), null);
            case "key-result", "check-in" -> new EventScope(id(snapshot, "cycleId"), id(snapshot, "objectiveId"), null);
            case "project" -> new EventScope(null, null, id(snapshot, "id"));
            case "task" -> new EventScope(null, null, id(snapshot, "projectId"));
            default -> new EventScope(null, null, null);
        };
    }

    /** Whether a subscription scoped as given (null: any) gets this event. */
    boolean within(UUID cycle, UUID objective, UUID project) {
        return (cycle == null || cycle.equals(cycleId))
                && (objective == null || objective.equals(objectiveId))
                && (project == null || project.equals(projectId));
    }

    private static UUID id(JsonNode snapshot, String field) {
        JsonNode value = snapshot.get(field);
        if (value == null || !value.isTextual()) {
            return null;
        }
        try {
            return UUID.fromString(value.asText());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

package org.okrpm.okr.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * The cycles, objectives and project an event belongs to, as far as its snapshot says: a cycle is its own cycle;
 * objectives, key results and check-ins carry {@code cycleId} (and {@code objectiveId}); a task carries
 * {@code projectId} and, when linked, its key result's {@code cycleId} and {@code objectiveId}; a project is its own
 * project and carries the {@code cycleIds} and {@code objectiveIds} of its linked key results. A webhook scoped to
 * an id gets only the events that carry it, the same rule as the gateway's live stream.
 */
record EventScope(Set<UUID> cycleIds, Set<UUID> objectiveIds, UUID projectId) {

    /** The scope of an event named {@code name} (e.g. {@code task.completed}) with this snapshot. */
    static EventScope of(String name, JsonNode snapshot) {
        String kind = name.substring(0, name.indexOf('.'));
        return switch (kind) {
            case "cycle" -> new EventScope(ids(snapshot, "id"), Set.of(), null);
            case "objective" -> new EventScope(ids(snapshot, "cycleId"), ids(snapshot, "id"), null);
            case "key-result", "check-in" -> new EventScope(ids(snapshot, "cycleId"), ids(snapshot, "objectiveId"),
                    null);
            case "project" -> new EventScope(ids(snapshot, "cycleIds"), ids(snapshot, "objectiveIds"),
                    id(snapshot.get("id")));
            case "task" -> new EventScope(ids(snapshot, "cycleId"), ids(snapshot, "objectiveId"),
                    id(snapshot.get("projectId")));
            default -> new EventScope(Set.of(), Set.of(), null);
        };
    }

    /** Whether a subscription scoped as given (null: any) gets this event. */
    boolean within(UUID cycle, UUID objective, UUID project) {
        return (cycle == null || cycleIds.contains(cycle))
                && (objective == null || objectiveIds.contains(objective))
                && (project == null || project.equals(projectId));
    }

    /** The ids in a field holding one id or an array of them; unreadable ones are left out. */
    private static Set<UUID> ids(JsonNode snapshot, String field) {
        JsonNode value = snapshot.get(field);
        Set<UUID> ids = new LinkedHashSet<>();
        if (value != null && value.isArray()) {
            value.forEach(element -> add(ids, id(element)));
        } else {
            add(ids, id(value));
        }
        return ids;
    }

    private static void add(Set<UUID> ids, UUID id) {
        if (id != null) {
            ids.add(id);
        }
    }

    private static UUID id(JsonNode value) {
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

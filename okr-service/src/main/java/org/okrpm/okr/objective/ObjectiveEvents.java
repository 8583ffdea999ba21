package org.okrpm.okr.objective;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.okrpm.kit.events.Outbox;

/** The okr.objectives topic of docs/events.md (snapshots without embedded key results). */
@ApplicationScoped
public class ObjectiveEvents {

    public static final String TOPIC = "okr.objectives";
    public static final String CREATED = "okr.objective.created";
    public static final String UPDATED = "okr.objective.updated";
    public static final String DELETED = "okr.objective.deleted";
    public static final String PROGRESS_CHANGED = "okr.objective.progress-changed";

    /** The objective's state after the change; a deletion carries the last state, deleted, one version on. */
    public record ObjectiveSnapshot(UUID id, UUID cycleId, String title, ObjectiveLevel level, String ownerId,
                                    String teamId, UUID parentId, ObjectiveStatus status, double progress,
                                    boolean deleted, long version) {
    }

    @Inject
    Outbox outbox;

    /** Call after flushing, so the snapshot carries the new version. */
    public void publish(String type, Objective o) {
        boolean deleted = DELETED.equals(type);
        outbox.publish(TOPIC, type, o.id, new ObjectiveSnapshot(o.id, o.cycleId, o.title, o.level, o.ownerId,
                o.teamId, o.parentId, o.status, o.progress, deleted, deleted ? o.version + 1 : o.version));
    }
}

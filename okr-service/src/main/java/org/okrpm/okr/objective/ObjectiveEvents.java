package org.okrpm.okr.objective;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.okrpm.kit.events.Outbox;
import org.okrpm.okr.keyresult.KeyResult;

/** The okr.objectives topic of docs/events.md (snapshots without embedded key results). */
@ApplicationScoped
public class ObjectiveEvents {

    public static final String TOPIC = "okr.objectives";
    public static final String CREATED = "okr.objective.created";
    public static final String UPDATED = "okr.objective.updated";
    public static final String DELETED = "okr.objective.deleted";
    public static final String PROGRESS_CHANGED = "okr.objective.progress-changed";

    /**
     * The objective's state after the change; a deletion carries the last state, deleted, one version on.
     * visibility, ownerId, teamId and createdBy let consumers (the gateway's stream) hide private objectives.
     */
    public record ObjectiveSnapshot(UUID id, UUID cycleId, String title, ObjectiveLevel level, String ownerId,
                                    String teamId, String createdBy, UUID parentId, ObjectiveState state,
                                    ProgressMode progressMode, double weight, Visibility visibility,
                                    double progress, Double score, boolean deleted, long version) {
    }

    @Inject
    Outbox outbox;

    /** Call after flushing, so the snapshot carries the new version. */
    public void publish(String type, Objective o) {
        publish(type, o, KeyResult.count("objectiveId", o.id) > 0);
    }

    /** The same, told whether it has key results (its default progressMode follows from that). */
    public void publish(String type, Objective o, boolean hasKeyResults) {
        boolean deleted = DELETED.equals(type);
        outbox.publish(TOPIC, type, o.id, new ObjectiveSnapshot(o.id, o.cycleId, o.title, o.level, o.ownerId,
                o.teamId, o.createdBy, o.parentId, o.state, o.effectiveMode(hasKeyResults), o.weight, o.visibility,
                o.progress, o.score, deleted, deleted ? o.version + 1 : o.version));
    }
}

package org.okrpm.checkin.retrospective;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.okrpm.kit.events.Outbox;

/**
 * The checkin.retrospectives topic of docs/events.md. The record key (and ce_subject) is the cycle id: all
 * retrospectives of one cycle stay in order in one partition, so a reader sees a cycle's retrospectives as they
 * were written. The value is the retrospective's full state with its version.
 */
@ApplicationScoped
public class RetrospectiveEvents {

    public static final String TOPIC = "checkin.retrospectives";
    public static final String WRITTEN = "checkin.retrospective.written";
    public static final String UPDATED = "checkin.retrospective.updated";

    /** {@code objectiveId} null with a {@code teamId}: a whole-cycle retrospective of that team. */
    public record RetrospectiveSnapshot(UUID id, UUID cycleId, UUID objectiveId, String teamId, String wentWell,
                                        String toImprove, String lessons, String authorId, Instant createdAt,
                                        Instant updatedAt, long version) {

        static RetrospectiveSnapshot of(Retrospective retro) {
            return new RetrospectiveSnapshot(retro.id, retro.cycleId, retro.objectiveId, retro.teamId, retro.wentWell,
                    retro.toImprove, retro.lessons, retro.authorId, retro.createdAt, retro.updatedAt, retro.version);
        }
    }

    @Inject
    Outbox outbox;

    /** Call inside the retrospective's transaction, after flushing it. */
    public void written(Retrospective retro) {
        outbox.publish(TOPIC, WRITTEN, retro.cycleId, RetrospectiveSnapshot.of(retro));
    }

    /** Call inside the change's transaction, after flushing it (the version is the new one). */
    public void updated(Retrospective retro) {
        outbox.publish(TOPIC, UPDATED, retro.cycleId, RetrospectiveSnapshot.of(retro));
    }
}

package org.okrpm.checkin.checkin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.okrpm.checkin.okr.KeyResultFact;
import org.okrpm.checkin.okr.ObjectiveAudience;
import org.okrpm.kit.events.Outbox;

/**
 * The checkin.check-ins topic of docs/events.md. The record key (and ce_subject) is the key result id, so all
 * check-ins of one key result stay in order in one partition.
 */
@ApplicationScoped
public class CheckInEvents {

    public static final String TOPIC = "checkin.check-ins";
    public static final String RECORDED = "checkin.check-in.recorded";

    /**
     * The recorded check-in. Check-ins are immutable, so {@code version} is always 0. {@code objectiveId} and
     * {@code cycleId} are the key result's, so a reader can route it (the live stream's filters) without a lookup;
     * the objective's visibility, owner, creator and team let it hide the check-ins of a PRIVATE objective.
     */
    public record CheckInSnapshot(UUID id, UUID keyResultId, UUID objectiveId, UUID cycleId, BigDecimal value,
                                  Double confidence, String comment, String blockers, String authorId,
                                  Instant createdAt, long version, String objectiveVisibility,
                                  String objectiveOwnerId, String objectiveCreatedBy, String objectiveTeamId) {
    }

    @Inject
    ObjectiveAudience audiences;

    @Inject
    Outbox outbox;

    /** Call inside the check-in's transaction, after flushing it. */
    public void recorded(CheckIn checkIn, KeyResultFact keyResult) {
        ObjectiveAudience.Audience audience = audiences.of(keyResult.objectiveId());
        outbox.publish(TOPIC, RECORDED, checkIn.keyResultId, new CheckInSnapshot(checkIn.id, checkIn.keyResultId,
                keyResult.objectiveId(), keyResult.cycleId(),
                checkIn.value == null ? null : checkIn.value.stripTrailingZeros(), checkIn.confidence,
                checkIn.comment, checkIn.blockers, checkIn.authorId, checkIn.createdAt, checkIn.version,
                audience.visibility(), audience.ownerId(), audience.createdBy(), audience.teamId()));
    }
}

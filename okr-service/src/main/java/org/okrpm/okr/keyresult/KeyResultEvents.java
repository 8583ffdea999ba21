package org.okrpm.okr.keyresult;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.okrpm.kit.events.Outbox;

/** The okr.key-results topic of docs/events.md. */
@ApplicationScoped
public class KeyResultEvents {

    public static final String TOPIC = "okr.key-results";
    public static final String CREATED = "okr.key-result.created";
    public static final String UPDATED = "okr.key-result.updated";
    public static final String DELETED = "okr.key-result.deleted";
    public static final String PROGRESS_CHANGED = "okr.key-result.progress-changed";
    /** A key result was carried into another cycle: the new one's snapshot, whose previousId names the old one. */
    public static final String ROLLED_OVER = "okr.key-result.rolled-over";

    /** The key result's state after the change; a deletion carries the last state, deleted, one version on. */
    public record KeyResultSnapshot(UUID id, UUID objectiveId, UUID cycleId, UUID previousId, String title,
                                    MetricType metricType,
                                    String unit, BigDecimal startValue, BigDecimal targetValue,
                                    BigDecimal currentValue, double weight, ProgressSource progressSource,
                                    double progress, Double confidence, Double score, String ownerId,
                                    LocalDate dueDate, boolean deleted, long version, String objectiveVisibility,
                                    String objectiveOwnerId, String objectiveTeamId) {
    }

    @Inject
    Outbox outbox;

    /** The objective's visibility, owner and team ride along, so consumers can hide a PRIVATE one's key results. */
    @Inject
    ObjectiveLink objectives;

    /** Call after flushing, so the snapshot carries the new version. */
    public void publish(String type, KeyResult kr) {
        boolean deleted = DELETED.equals(type);
        ObjectiveLink.Audience audience = objectives.audienceOf(kr.objectiveId);
        outbox.publish(TOPIC, type, kr.id, new KeyResultSnapshot(kr.id, kr.objectiveId, kr.cycleId, kr.previousId,
                kr.title,
                kr.metricType, kr.unit, KeyResultDtos.plain(kr.startValue), KeyResultDtos.plain(kr.targetValue),
                KeyResultDtos.plain(kr.currentValue), kr.weight, kr.progressSource, kr.progress, kr.confidence,
                kr.score, kr.ownerId, kr.dueDate, deleted, deleted ? kr.version + 1 : kr.version,
                audience.visibility(), audience.ownerId(),
                audience.teamId()));
    }
}

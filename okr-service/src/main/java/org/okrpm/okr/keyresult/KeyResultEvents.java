package org.okrpm.okr.keyresult;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
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

    /** The key result's state after the change; a deletion carries the last state, deleted, one version on. */
    public record KeyResultSnapshot(UUID id, UUID objectiveId, UUID cycleId, String title, MetricType metricType,
                                    String unit, BigDecimal startValue, BigDecimal targetValue,
                                    BigDecimal currentValue, double weight, ProgressSource progressSource,
                                    double progress, Double confidence, Double score, boolean deleted,
                                    long version) {
    }

    @Inject
    Outbox outbox;

    /** Call after flushing, so the snapshot carries the new version. */
    public void publish(String type, KeyResult kr) {
        boolean deleted = DELETED.equals(type);
        outbox.publish(TOPIC, type, kr.id, new KeyResultSnapshot(kr.id, kr.objectiveId, kr.cycleId, kr.title,
                kr.metricType, kr.unit, KeyResultDtos.plain(kr.startValue), KeyResultDtos.plain(kr.targetValue),
                KeyResultDtos.plain(kr.currentValue), kr.weight, kr.progressSource, kr.progress, kr.confidence,
                kr.score, deleted, deleted ? kr.version + 1 : kr.version));
    }
}

package org.okrpm.okr.webhook;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.okrpm.okr.cycle.CycleEvents;
import org.okrpm.okr.keyresult.KeyResultEvents;
import org.okrpm.okr.objective.ObjectiveEvents;

/**
 * The event names a webhook may subscribe to: the CloudEvents types of every event the live stream carries,
 * okr-service's own and those of checkin-service and project-service, without their first segment (the
 * service), e.g. {@code key-result.progress-changed}, {@code check-in.recorded}, {@code task.completed}.
 */
public final class WebhookEventTypes {

    /** Every ce_type webhooks offer, in a stable order. */
    public static final List<String> CE_TYPES = List.of(
            CycleEvents.CREATED, CycleEvents.UPDATED, CycleEvents.PHASE_CHANGED,
            ObjectiveEvents.CREATED, ObjectiveEvents.UPDATED, ObjectiveEvents.DELETED,
            ObjectiveEvents.PROGRESS_CHANGED,
            KeyResultEvents.CREATED, KeyResultEvents.UPDATED, KeyResultEvents.DELETED,
            KeyResultEvents.PROGRESS_CHANGED,
            "checkin.check-in.recorded",
            "project.project.created", "project.project.updated", "project.project.stage-changed",
            "project.project.health-changed", "project.project.deleted",
            "project.task.created", "project.task.updated", "project.task.completed", "project.task.reopened",
            "project.task.deleted");

    /** E.g. {@code key-result.progress-changed}. */
    public static final List<String> NAMES = CE_TYPES.stream().map(WebhookEventTypes::withoutService).toList();

    private WebhookEventTypes() {
    }

    public static boolean isKnown(String name) {
        return NAMES.contains(name);
    }

    /** The subscription name of a ce_type, or empty for a type webhooks do not offer. */
    public static Optional<String> nameOf(String ceType) {
        return Stream.ofNullable(ceType).filter(CE_TYPES::contains).map(WebhookEventTypes::withoutService).findFirst();
    }

    private static String withoutService(String ceType) {
        return ceType.substring(ceType.indexOf('.') + 1);
    }
}

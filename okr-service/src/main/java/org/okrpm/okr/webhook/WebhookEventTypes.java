package org.okrpm.okr.webhook;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.okrpm.okr.cycle.CycleEvents;
import org.okrpm.okr.keyresult.KeyResultEvents;
import org.okrpm.okr.objective.ObjectiveEvents;

/** The event names a webhook may subscribe to: okr-service's CloudEvents types without the {@code okr.} prefix. */
public final class WebhookEventTypes {

    private static final String PREFIX = "okr.";

    /** Every ce_type okr-service publishes, in a stable order. */
    public static final List<String> CE_TYPES = List.of(
            CycleEvents.CREATED, CycleEvents.UPDATED, CycleEvents.PHASE_CHANGED,
            ObjectiveEvents.CREATED, ObjectiveEvents.UPDATED, ObjectiveEvents.DELETED,
            ObjectiveEvents.PROGRESS_CHANGED,
            KeyResultEvents.CREATED, KeyResultEvents.UPDATED, KeyResultEvents.DELETED,
            KeyResultEvents.PROGRESS_CHANGED);

    /** E.g. {@code key-result.progress-changed}. */
    public static final List<String> NAMES = CE_TYPES.stream().map(t -> t.substring(PREFIX.length())).toList();

    private WebhookEventTypes() {
    }

    public static boolean isKnown(String name) {
        return NAMES.contains(name);
    }

    /** The subscription name of a ce_type, or empty for a type webhooks do not offer. */
    public static Optional<String> nameOf(String ceType) {
        return Stream.ofNullable(ceType).filter(CE_TYPES::contains).map(t -> t.substring(PREFIX.length())).findFirst();
    }
}

package org.okrpm.gateway.stream;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The event types the live stream carries: the CloudEvents types of docs/events.md without their first segment
 * (the owning service), e.g. {@code okr.key-result.progress-changed} is pushed as
 * {@code key-result.progress-changed}. {@code project.key-result-work} rollups are left out: a rollup that moves a
 * key result already reaches the stream as that key result's progress change. The topics they travel on are
 * {@code mp.messaging.incoming.live.topics}.
 */
final class StreamEventTypes {

    static final Set<String> ALL = new TreeSet<>(List.of(
            "cycle.created", "cycle.updated", "cycle.phase-changed",
            "objective.created", "objective.updated", "objective.deleted", "objective.progress-changed",
            "key-result.created", "key-result.updated", "key-result.deleted", "key-result.progress-changed",
            "check-in.recorded",
            "project.created", "project.updated", "project.stage-changed", "project.health-changed",
            "project.deleted",
            "task.created", "task.updated", "task.completed", "task.reopened", "task.deleted"));

    private StreamEventTypes() {
    }

    /** The stream's name for a CloudEvents type, or null when the stream does not carry it. */
    static String nameOf(String ceType) {
        if (ceType == null) {
            return null;
        }
        int dot = ceType.indexOf('.');
        String name = dot < 0 ? ceType : ceType.substring(dot + 1);
        return ALL.contains(name) ? name : null;
    }
}

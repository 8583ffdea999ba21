package org.okrpm.project.keyresultwork;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/** The key results the task changes of one transaction touched, each with the tasks that touched it. */
public final class TouchedKeyResults {

    private final TreeMap<UUID, Set<UUID>> tasksByKeyResult = new TreeMap<>();

    /** The task changed, and with it the figures of these key results (a null key result is none). */
    public TouchedKeyResults touch(UUID taskId, UUID... keyResultIds) {
        for (UUID keyResultId : keyResultIds) {
            if (keyResultId != null) {
                tasksByKeyResult.computeIfAbsent(keyResultId, id -> new LinkedHashSet<>()).add(taskId);
            }
        }
        return this;
    }

    public boolean isEmpty() {
        return tasksByKeyResult.isEmpty();
    }

    /**
     * In ascending order: every transaction inserts missing rollup rows in this one order, so inserts cannot
     * deadlock (the rows are then locked in the database's order, the same for every transaction).
     */
    NavigableSet<UUID> keyResultIds() {
        return tasksByKeyResult.navigableKeySet();
    }

    /** The tasks that touched the key result, in the order they were changed, at most {@code limit}. */
    List<UUID> taskIds(UUID keyResultId, int limit) {
        return tasksByKeyResult.getOrDefault(keyResultId, Set.of()).stream().limit(limit).toList();
    }
}

package org.okrpm.project.keyresultwork;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The payload of {@code project.key-result-work.changed}: the rollup of a key result's linked tasks after a
 * transaction's task changes. A consumer keeps the one with the greatest {@code sequence}.
 *
 * @param tasks          the number of linked tasks per status, all four always present
 * @param changedTaskIds the tasks whose change produced this rollup (at most 50)
 * @param requestIds     the X-Request-Ids of those changes (at most 10; empty when there was no HTTP request)
 * @param at             when the rollup was computed
 */
public record KeyResultWorkSnapshot(UUID keyResultId, long sequence, BigDecimal doneWeight, BigDecimal countedWeight,
                                    Map<String, Integer> tasks, List<UUID> changedTaskIds, List<String> requestIds,
                                    Instant at) {

    static KeyResultWorkSnapshot of(KeyResultWork work, List<UUID> changedTaskIds, List<String> requestIds) {
        Map<String, Integer> tasks = new LinkedHashMap<>();
        tasks.put("TODO", work.todoCount);
        tasks.put("IN_PROGRESS", work.inProgressCount);
        tasks.put("DONE", work.doneCount);
        tasks.put("CANCELLED", work.cancelledCount);
        return new KeyResultWorkSnapshot(work.keyResultId, work.sequence, work.doneWeight, work.countedWeight, tasks,
                changedTaskIds, requestIds, work.updatedAt);
    }
}

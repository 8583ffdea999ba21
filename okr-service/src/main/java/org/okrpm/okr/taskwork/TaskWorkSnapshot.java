package org.okrpm.okr.taskwork;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** What okr-service reads of a project.key-result-work event; unknown fields are ignored. */
public record TaskWorkSnapshot(UUID keyResultId, Long sequence, BigDecimal doneWeight, BigDecimal countedWeight,
                               List<UUID> changedTaskIds, List<String> requestIds) {

    /** Why this rollup cannot be applied, or null when it can. */
    String defect() {
        if (keyResultId == null || sequence == null || doneWeight == null || countedWeight == null) {
            return "lacks keyResultId, sequence, doneWeight or countedWeight";
        }
        if (doneWeight.signum() < 0 || countedWeight.signum() < 0 || doneWeight.compareTo(countedWeight) > 0) {
            return "has weights out of range (done " + doneWeight + ", counted " + countedWeight + ")";
        }
        return null;
    }
}

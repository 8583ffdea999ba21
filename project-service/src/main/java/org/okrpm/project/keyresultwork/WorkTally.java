package org.okrpm.project.keyresultwork;

import java.math.BigDecimal;

/**
 * What the tasks linked to a key result add up to now: exact weight sums and the number of tasks per status.
 *
 * @param doneWeight    Σ weight of the DONE tasks
 * @param countedWeight Σ weight of the tasks that are not CANCELLED
 */
public record WorkTally(BigDecimal doneWeight, BigDecimal countedWeight, int todo, int inProgress, int done,
                        int cancelled) {

    /** A key result none of whose tasks are left (all moved away or deleted). */
    public static final WorkTally NONE = new WorkTally(BigDecimal.ZERO, BigDecimal.ZERO, 0, 0, 0, 0);

    public WorkTally plus(WorkTally other) {
        return new WorkTally(doneWeight.add(other.doneWeight), countedWeight.add(other.countedWeight),
                todo + other.todo, inProgress + other.inProgress, done + other.done, cancelled + other.cancelled);
    }
}

package org.okrpm.okr.keyresult;

import java.util.UUID;

/**
 * What key results need of the objective they belong to. The objective feature implements it: objectives
 * depend on their key results (progress, views, deletion), key results know their objective only through this.
 */
public interface ObjectiveLink {

    /** The cycle of the objective; 404 when there is no such objective. */
    UUID requireCycleOf(UUID objectiveId);

    /**
     * 403 unless the caller may change the objective, and so add, change or delete its key results; 404 when there is
     * no such objective.
     */
    void requireMayChangeKeyResults(UUID objectiveId);

    /** Key results of the objective were added, removed or moved: its progress follows. */
    void keyResultsChanged(UUID objectiveId);
}

package org.okrpm.okr.keyresult;

import java.util.List;
import java.util.UUID;

/**
 * What key results need of the objective they belong to. The objective feature implements it: objectives
 * depend on their key results (progress, views, deletion), key results know their objective only through this.
 */
public interface ObjectiveLink {

    /** The cycle of the objective; 404 when there is no such objective. */
    UUID requireCycleOf(UUID objectiveId);

    /** The owner of the objective (a key result's default owner); 404 when there is no such objective. */
    String ownerOf(UUID objectiveId);

    /**
     * 403 unless the caller may change the objective, and so add, change or delete its key results; 404 when there is
     * no such objective.
     */
    void requireMayChangeKeyResults(UUID objectiveId);

    /** Key results of the objective were added, removed or moved: its progress follows. */
    default void keyResultsChanged(UUID objectiveId) {
        keyResultsChanged(objectiveId, "its key results changed");
    }

    /** The same, naming the cause for the objective's history (and its ancestors'). */
    void keyResultsChanged(UUID objectiveId, String cause);

    /**
     * Whether the caller of the current request may see the objective's key results: false for a PRIVATE
     * objective unless the caller is its owner, creator, a member of its team or an admin (or no such objective).
     */
    boolean visibleToCaller(UUID objectiveId);

    /** The objectives whose key results the caller may not see (PRIVATE ones of others), for list filters. */
    List<UUID> hiddenFromCaller();

    /** Who may see the objective, as its key results' events tell: PUBLIC or PRIVATE, its owner and team. */
    record Audience(String visibility, String ownerId, String teamId) {
    }

    /** The audience of the objective; PUBLIC without owner or team when there is no such objective any more. */
    Audience audienceOf(UUID objectiveId);
}

package org.okrpm.project.keyresult;

import java.util.UUID;

/**
 * What follows in project-service when okr-service rolls a key result over into another cycle
 * ({@code okr.key-result.rolled-over}). The task package implements it (its open tasks move on), so this package
 * needs nothing of tasks and the dependency stays one way (task → keyresult).
 */
public interface KeyResultSuccession {

    /**
     * {@code keyResultId} continues {@code previousId}: runs in the event's transaction, and must change nothing
     * when applied again.
     */
    void rolledOver(UUID previousId, UUID keyResultId);
}

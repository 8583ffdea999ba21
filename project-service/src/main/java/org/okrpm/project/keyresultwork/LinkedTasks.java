package org.okrpm.project.keyresultwork;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Reads the tasks linked to key results. Implemented by the task package, so this package needs nothing of it
 * and the dependency stays one way (task → keyresultwork).
 */
public interface LinkedTasks {

    /**
     * The tally of the tasks linked to each of the key results now, this transaction's flushed changes included,
     * in one query. Called with the key results' rollup rows in place (locked); a key result without linked tasks
     * is missing from the answer.
     */
    Map<UUID, WorkTally> tally(Collection<UUID> keyResultIds);
}

package org.okrpm.project.keyresultwork;

import java.util.UUID;

/**
 * Reads the tasks linked to a key result. Implemented by the task package, so this package needs nothing of it
 * and the dependency stays one way (task → keyresultwork).
 */
public interface LinkedTasks {

    /** The tally of the tasks linked to the key result now, this transaction's flushed changes included. */
    WorkTally tally(UUID keyResultId);
}

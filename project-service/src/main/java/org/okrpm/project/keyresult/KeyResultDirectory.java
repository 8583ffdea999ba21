package org.okrpm.project.keyresult;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The one place project-service asks whether a key result exists, for the keyResultIds of projects and
 * the keyResultId of tasks. Today it reads the local replica; the events issue keeps that replica up to
 * date and adds a one-time HTTP fallback to okr-service for key results created a moment ago.
 */
public interface KeyResultDirectory {

    boolean exists(UUID keyResultId);

    /** The ids among {@code keyResultIds} that do not exist, in the order given. */
    default List<UUID> missing(Collection<UUID> keyResultIds) {
        return keyResultIds.stream().filter(id -> !exists(id)).toList();
    }
}

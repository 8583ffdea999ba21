package org.okrpm.project.keyresult;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The one place project-service asks whether a key result exists, for the keyResultIds of projects and
 * the keyResultId of tasks: the local replica (kept from okr.key-results), and for an id the replica has
 * never seen, one short HTTP lookup to okr-service (a key result created a moment ago).
 */
public interface KeyResultDirectory {

    /**
     * @return whether the key result exists (false also for a deleted one)
     * @throws KeyResultUnconfirmedException when the replica does not know the id and okr-service could not
     *                                       be asked (timeout, error, open circuit, refused credentials)
     */
    boolean exists(UUID keyResultId);

    /** The ids among {@code keyResultIds} that do not exist, in the order given. */
    default List<UUID> missing(Collection<UUID> keyResultIds) {
        return keyResultIds.stream().filter(id -> !exists(id)).toList();
    }
}

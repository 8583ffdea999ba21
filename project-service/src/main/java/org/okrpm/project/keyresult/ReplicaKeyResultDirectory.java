package org.okrpm.project.keyresult;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;

/** Answers from the local replica of key results; tombstones (deleted) do not exist. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ReplicaKeyResultDirectory implements KeyResultDirectory {

    @Override
    public boolean exists(UUID keyResultId) {
        return KeyResultReplica.count("id = ?1 and deleted = false", keyResultId) > 0;
    }
}

package org.okrpm.project.keyresult;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** Writes the replica: a snapshot is applied only when its version is newer than the one held. */
@ApplicationScoped
public class KeyResultReplicas {

    /** @return true when the snapshot was newer and is now the replica's state */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean applyIfNewer(KeyResultSnapshot snapshot, boolean deleted) {
        KeyResultReplica row = KeyResultReplica.findById(snapshot.id(), LockModeType.PESSIMISTIC_WRITE);
        if (row != null && snapshot.version() <= row.version) {
            return false;
        }
        if (row == null) {
            row = new KeyResultReplica();
            row.id = snapshot.id();
        }
        row.objectiveId = snapshot.objectiveId();
        row.cycleId = snapshot.cycleId();
        row.progressSource = snapshot.progressSource();
        row.version = snapshot.version();
        row.deleted = deleted || row.deleted; // a deleted key result never comes back
        row.updatedAt = Instant.now();
        row.persist();
        return true;
    }
}

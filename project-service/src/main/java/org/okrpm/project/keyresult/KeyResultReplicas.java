package org.okrpm.project.keyresult;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.okrpm.kit.lookup.ReplicaWrites;

/**
 * Writes the replica with the kit's {@link ReplicaWrites} rules: a snapshot is applied only when its version is
 * newer than the one held (under a row lock), and a deleted key result stays a tombstone.
 */
@ApplicationScoped
public class KeyResultReplicas {

    /** @return true when the snapshot was newer and is now the replica's state */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean applyIfNewer(KeyResultSnapshot snapshot, boolean deleted) {
        return ReplicaWrites.applyIfNewer(KeyResultReplica.class, snapshot.id(), snapshot.version(), row -> row.version,
                () -> {
                    KeyResultReplica row = new KeyResultReplica();
                    row.id = snapshot.id();
                    return row;
                },
                row -> {
                    row.objectiveId = snapshot.objectiveId();
                    row.cycleId = snapshot.cycleId();
                    row.progressSource = snapshot.progressSource();
                    row.version = snapshot.version();
                    row.deleted = deleted || row.deleted; // a deleted key result never comes back
                    row.updatedAt = Instant.now();
                });
    }
}

package org.okrpm.project.keyresult;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;
import org.okrpm.kit.lookup.OwnerUnavailableException;
import org.okrpm.kit.lookup.ReplicaWrites;

/**
 * Answers from the local replica of key results; a tombstone (deleted) does not exist. An id the replica has
 * never seen is looked up once in okr-service (passing the caller's credentials on): found → stored in the
 * replica with its version and accepted; 404 → does not exist; no answer → {@link KeyResultUnconfirmedException}.
 * The lookup policy and the replica's write rules are the kit's ({@code org.okrpm.kit.lookup}); this class keeps
 * only what is about key results.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ReplicaKeyResultDirectory implements KeyResultDirectory {

    @Inject
    KeyResultLookup lookup;

    @Inject
    KeyResultReplicas replicas;

    @Override
    public boolean exists(UUID keyResultId) {
        KeyResultReplica known = KeyResultReplica.findById(keyResultId);
        if (known != null) {
            return !known.deleted;
        }
        Optional<KeyResultSnapshot> found;
        try {
            found = lookup.find(keyResultId);
        } catch (OwnerUnavailableException e) {
            throw new KeyResultUnconfirmedException(keyResultId, e);
        }
        if (found.isEmpty()) {
            return false;
        }
        KeyResultSnapshot snapshot = found.get();
        remember(keyResultId, snapshot);
        return !snapshot.deleted();
    }

    /** Keeps what okr-service said, in a transaction of its own: it is true whatever the caller's change does. */
    private void remember(UUID keyResultId, KeyResultSnapshot snapshot) {
        KeyResultSnapshot row = new KeyResultSnapshot(keyResultId, snapshot.objectiveId(), snapshot.cycleId(),
                snapshot.progressSource(), snapshot.deleted(), snapshot.version() == null ? 0L : snapshot.version());
        ReplicaWrites.storeFetched(() -> replicas.applyIfNewer(row, row.deleted()));
    }
}

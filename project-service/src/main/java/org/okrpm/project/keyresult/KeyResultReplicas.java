package org.okrpm.project.keyresult;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.okrpm.kit.lookup.ReplicaWrites;

/**
 * Writes the replica with the kit's {@link ReplicaWrites} rules: a snapshot is applied only when its version is
 * newer than the one held (under a row lock), and a deleted key result stays a tombstone.
 */
@ApplicationScoped
public class KeyResultReplicas {

    /** Where a key result sits, as the replica knows it: both null when it does not know the key result. */
    public record Placement(UUID objectiveId, UUID cycleId) {
        static final Placement UNKNOWN = new Placement(null, null);
    }

    /** The objective and cycle of {@code keyResultId} (null: none), for the scope of the events that name it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Placement placementOf(UUID keyResultId) {
        KeyResultReplica row = keyResultId == null ? null : KeyResultReplica.findById(keyResultId);
        return row == null ? Placement.UNKNOWN : new Placement(row.objectiveId, row.cycleId);
    }

    /** The placement of each of {@code keyResultIds} the replica knows of (unknown ones are left out). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Placement> placementsOf(Collection<UUID> keyResultIds) {
        if (keyResultIds.isEmpty()) {
            return List.of();
        }
        return KeyResultReplica.<KeyResultReplica>list("id in ?1", keyResultIds).stream()
                .map(row -> new Placement(row.objectiveId, row.cycleId)).toList();
    }

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

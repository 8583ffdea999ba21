package org.okrpm.checkin.okr;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.okrpm.checkin.okr.OkrSnapshots.CycleSnapshot;
import org.okrpm.checkin.okr.OkrSnapshots.KeyResultSnapshot;
import org.okrpm.checkin.okr.OkrSnapshots.ObjectiveSnapshot;
import org.okrpm.kit.lookup.ReplicaWrites;

/**
 * Writes okr-service snapshots into the replica tables, whether they came by event or by the HTTP fallback,
 * with the kit's {@link ReplicaWrites} rules: a snapshot is applied only when its version is newer than the
 * one held (under a row lock), so a replayed or late event (or an event older than what the fallback already
 * fetched) changes nothing. A deleted snapshot leaves a tombstone that never comes back. Each method returns
 * whether it changed the replica.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class OkrReplicas {

    public boolean keyResult(KeyResultSnapshot s) {
        return ReplicaWrites.applyIfNewer(KeyResultReplica.class, s.id(), s.version(), row -> row.version, () -> {
            KeyResultReplica row = new KeyResultReplica();
            row.id = s.id();
            return row;
        }, row -> {
            row.objectiveId = s.objectiveId();
            row.cycleId = s.cycleId();
            row.title = s.title() == null || s.title().length() <= 200 ? s.title() : s.title().substring(0, 200);
            row.progressSource = s.progressSource();
            row.deleted = s.deleted() || row.deleted;
            row.version = s.version();
        });
    }

    public boolean objective(ObjectiveSnapshot s) {
        return ReplicaWrites.applyIfNewer(ObjectiveReplica.class, s.id(), s.version(), row -> row.version, () -> {
            ObjectiveReplica row = new ObjectiveReplica();
            row.id = s.id();
            return row;
        }, row -> {
            row.cycleId = s.cycleId();
            row.ownerId = s.ownerId();
            row.visibility = s.visibility() == null ? ObjectiveAudience.PUBLIC : s.visibility();
            row.teamId = s.teamId();
            row.createdBy = s.createdBy();
            row.deleted = s.deleted() || row.deleted;
            row.version = s.version();
        });
    }

    public boolean cycle(CycleSnapshot s) {
        return ReplicaWrites.applyIfNewer(CycleReplica.class, s.id(), s.version(), row -> row.version, () -> {
            CycleReplica row = new CycleReplica();
            row.id = s.id();
            return row;
        }, row -> {
            row.phase = s.phase();
            row.version = s.version();
        });
    }
}

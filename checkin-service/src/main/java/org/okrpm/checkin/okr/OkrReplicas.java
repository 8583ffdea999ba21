package org.okrpm.checkin.okr;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.okrpm.checkin.okr.OkrSnapshots.CycleSnapshot;
import org.okrpm.checkin.okr.OkrSnapshots.KeyResultSnapshot;
import org.okrpm.checkin.okr.OkrSnapshots.ObjectiveSnapshot;

/**
 * Writes okr-service snapshots into the replica tables, whether they came by event or by the HTTP fallback:
 * a snapshot is applied only when its version is newer than the one held, so a replayed or late event (or an
 * event older than what the fallback already fetched) changes nothing. A deleted snapshot leaves a tombstone.
 * Each method returns whether it changed the replica.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class OkrReplicas {

    public boolean keyResult(KeyResultSnapshot s) {
        KeyResultReplica row = KeyResultReplica.findById(s.id());
        if (row != null && s.version() <= row.version) {
            return false;
        }
        if (row == null) {
            row = new KeyResultReplica();
            row.id = s.id();
        }
        row.objectiveId = s.objectiveId();
        row.cycleId = s.cycleId();
        row.title = s.title() == null || s.title().length() <= 200 ? s.title() : s.title().substring(0, 200);
        row.progressSource = s.progressSource();
        row.deleted = s.deleted();
        row.version = s.version();
        row.persist();
        return true;
    }

    public boolean objective(ObjectiveSnapshot s) {
        ObjectiveReplica row = ObjectiveReplica.findById(s.id());
        if (row != null && s.version() <= row.version) {
            return false;
        }
        if (row == null) {
            row = new ObjectiveReplica();
            row.id = s.id();
        }
        row.cycleId = s.cycleId();
        row.ownerId = s.ownerId();
        row.deleted = s.deleted();
        row.version = s.version();
        row.persist();
        return true;
    }

    public boolean cycle(CycleSnapshot s) {
        CycleReplica row = CycleReplica.findById(s.id());
        if (row != null && s.version() <= row.version) {
            return false;
        }
        if (row == null) {
            row = new CycleReplica();
            row.id = s.id();
        }
        row.phase = s.phase();
        row.version = s.version();
        row.persist();
        return true;
    }
}

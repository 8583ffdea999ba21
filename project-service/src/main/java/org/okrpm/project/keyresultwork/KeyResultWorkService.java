package org.okrpm.project.keyresultwork;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.okrpm.kit.http.CurrentRequest;

/**
 * Rolls up the key results a transaction's task changes touched and publishes each rollup with its next
 * sequence, in that transaction. Sums are recomputed from the task table, never by deltas, under the rollup
 * row's lock: so concurrent changes (other replicas included) take turns per key result, and each sequence
 * stands for one committed state, whatever order the events later arrive in.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class KeyResultWorkService {

    /** At most this many changed task ids are listed in a rollup (docs/events.md). */
    static final int MAX_TASK_IDS = 50;

    @Inject
    LinkedTasks linkedTasks;

    @Inject
    KeyResultWorkEvents events;

    @Inject
    CurrentRequest request;

    /** Call once, after the transaction's last task change: one rollup per touched key result. */
    public void rollUp(TouchedKeyResults touched) {
        if (touched.isEmpty()) {
            return;
        }
        EntityManager em = Panache.getEntityManager();
        em.flush(); // the tally reads the task table: this transaction's task changes must be in it
        String requestId = request.id(); // one transaction, one request: the list has at most this one
        List<String> requestIds = requestId == null ? List.of() : List.of(requestId);
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS); // what the database keeps
        // Nothing the queries below read changes any more before the commit: without this, each of them would
        // flush first, dirty-checking every entity of the transaction (a bulk change holds a thousand) each time.
        FlushModeType flushMode = em.getFlushMode();
        em.setFlushMode(FlushModeType.COMMIT);
        try {
            List<UUID> keyResultIds = List.copyOf(touched.keyResultIds());
            List<KeyResultWork> rows = lockAll(em, keyResultIds);
            Map<UUID, WorkTally> tallies = linkedTasks.tally(keyResultIds);
            for (KeyResultWork work : rows) {
                work.advanceTo(tallies.getOrDefault(work.keyResultId, WorkTally.NONE), at);
                events.publish(KeyResultWorkSnapshot.of(work, touched.taskIds(work.keyResultId, MAX_TASK_IDS),
                        requestIds));
            }
        } finally {
            em.setFlushMode(flushMode);
        }
    }

    /**
     * The key results' rollup rows, locked until the transaction ends, in ascending id order — the one order
     * every transaction locks them in, so none can deadlock. Missing rows (a key result's first rollup) are
     * inserted first, before any lock is held and in that same order, in a way two transactions cannot race on:
     * the second waits for the first's insert and then inserts nothing. Usually all rows exist, and a request
     * takes two statements however many key results it touches.
     */
    private static List<KeyResultWork> lockAll(EntityManager em, List<UUID> keyResultIds) {
        Set<UUID> existing = Set.copyOf(em.createQuery("select w.keyResultId from KeyResultWork w "
                        + "where w.keyResultId in :ids", UUID.class)
                .setParameter("ids", keyResultIds)
                .getResultList());
        for (UUID keyResultId : keyResultIds) {
            if (!existing.contains(keyResultId)) {
                em.createNativeQuery("insert into key_result_work (key_result_id, sequence, done_weight, "
                                + "counted_weight, todo_count, in_progress_count, done_count, cancelled_count, "
                                + "updated_at) values (?1, 0, 0, 0, 0, 0, 0, 0, current_timestamp) "
                                + "on conflict do nothing")
                        .setParameter(1, keyResultId)
                        .executeUpdate();
            }
        }
        return em.createQuery("from KeyResultWork w where w.keyResultId in :ids order by w.keyResultId",
                        KeyResultWork.class)
                .setParameter("ids", keyResultIds)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }
}

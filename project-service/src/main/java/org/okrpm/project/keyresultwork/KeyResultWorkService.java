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
            for (UUID keyResultId : touched.keyResultIds()) {
                KeyResultWork work = lock(em, keyResultId);
                work.advanceTo(linkedTasks.tally(keyResultId), at);
                events.publish(KeyResultWorkSnapshot.of(work, touched.taskIds(keyResultId, MAX_TASK_IDS),
                        requestIds));
            }
        } finally {
            em.setFlushMode(flushMode);
        }
    }

    /**
     * The key result's rollup row, locked until the transaction ends. A missing row is inserted first, in a way
     * two transactions cannot race on: the second waits for the first's insert and then inserts nothing.
     * Usually the row exists, and one locking select is all it takes.
     */
    private static KeyResultWork lock(EntityManager em, UUID keyResultId) {
        KeyResultWork existing = em.find(KeyResultWork.class, keyResultId, LockModeType.PESSIMISTIC_WRITE);
        if (existing != null) {
            return existing;
        }
        em.createNativeQuery("insert into key_result_work (key_result_id, sequence, done_weight, counted_weight, "
                        + "todo_count, in_progress_count, done_count, cancelled_count, updated_at) "
                        + "values (?1, 0, 0, 0, 0, 0, 0, 0, current_timestamp) on conflict do nothing")
                .setParameter(1, keyResultId)
                .executeUpdate();
        return em.find(KeyResultWork.class, keyResultId, LockModeType.PESSIMISTIC_WRITE);
    }
}

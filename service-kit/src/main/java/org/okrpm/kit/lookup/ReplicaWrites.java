package org.okrpm.kit.lookup;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.LockModeType;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.jboss.logging.Logger;

/**
 * The write rules of a local replica of another service's facts, the same whether a snapshot came by event
 * or by an {@link OwnerLookup}:
 * <ul>
 *   <li>a snapshot is applied only when its version is newer than the one held, under a row lock
 *       ({@code PESSIMISTIC_WRITE}), so concurrent writers of one row apply in version order and a replayed
 *       or late event changes nothing;</li>
 *   <li>a fetched snapshot is stored in a transaction of its own ({@link #storeFetched}), so it stays even if
 *       the caller's request is then refused; losing an insert race to the event consumer is harmless.</li>
 * </ul>
 * A deleted marker, where the replica keeps one, is sticky: the domain's {@code write} keeps
 * {@code row.deleted = deleted || row.deleted}, so a deleted fact never comes back.
 */
public final class ReplicaWrites {

    private static final Logger LOG = Logger.getLogger(ReplicaWrites.class);

    private ReplicaWrites() {
    }

    /**
     * Applies a snapshot of version {@code version} to the row {@code id} of {@code type} when it is newer than
     * the row's (a missing row is created with {@code create}). Needs a transaction.
     *
     * @param held  the version the row holds
     * @param write copies the snapshot's fields (and its version) into the row
     * @return true when the snapshot was newer and is now the replica's state
     */
    public static <E> boolean applyIfNewer(Class<E> type, Object id, long version, ToLongFunction<E> held,
                                           Supplier<E> create, Consumer<E> write) {
        var em = Panache.getEntityManager(type);
        E row = em.find(type, id, LockModeType.PESSIMISTIC_WRITE);
        if (row != null && version <= held.applyAsLong(row)) {
            return false;
        }
        boolean created = row == null;
        if (created) {
            row = create.get();
        }
        write.accept(row);
        if (created) {
            em.persist(row);
        }
        return true;
    }

    /**
     * Runs {@code write} (storing what the owner answered) in a new transaction. If the event consumer stores the
     * same fact at the same moment, this insert loses the race and the consumer's row stands; the answer is
     * used anyway.
     */
    public static void storeFetched(Runnable write) {
        try {
            QuarkusTransaction.requiringNew().run(write);
        } catch (RuntimeException e) {
            LOG.debugf("A fetched snapshot was not stored (stored concurrently?): %s", e.toString());
        }
    }
}

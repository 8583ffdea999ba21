package org.okrpm.kit.audit;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.hibernate.SharedSessionContract;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;
import org.okrpm.kit.events.OutboxEvent;
import org.okrpm.kit.idempotency.IdempotencyRecord;

/**
 * Writes an {@link AuditEntry} for every entity a request inserts, updates or deletes. Hibernate calls it right
 * after each row statement of a flush, so the entry is inserted on the same connection, in the same transaction:
 * a write that is rolled back (a 409 at commit, a failed constraint) leaves no entry, and a committed one always
 * has its entry. Plain JDBC because the session must not be used for entity work in the middle of its own flush.
 * <p>
 * Not recorded: writes outside a request or by a GET ({@link AuditedRequests}), the kit's own bookkeeping (outbox,
 * idempotency records), and bulk or native statements, which bypass entity events.
 */
public class AuditListener implements PostInsertEventListener, PostUpdateEventListener, PostDeleteEventListener {

    private static final Set<Class<?>> BOOKKEEPING = Set.of(AuditEntry.class, OutboxEvent.class,
            IdempotencyRecord.class);
    private static final String INSERT = "insert into audit_entry (occurred_at, actor, action, resource_type, "
            + "resource_id, version_before, version_after, request_id, operation) values (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final int ID_CHARS = 200;
    private static final int ACTOR_CHARS = 200;

    @Override
    public void onPostInsert(PostInsertEvent event) {
        EntityPersister persister = event.getPersister();
        record(event.getSession(), persister, event.getId(), AuditEntry.Action.CREATE, null,
                version(persister, event.getState()));
    }

    @Override
    public void onPostUpdate(PostUpdateEvent event) {
        EntityPersister persister = event.getPersister();
        record(event.getSession(), persister, event.getId(), AuditEntry.Action.UPDATE,
                version(persister, event.getOldState()), version(persister, event.getState()));
    }

    @Override
    public void onPostDelete(PostDeleteEvent event) {
        EntityPersister persister = event.getPersister();
        record(event.getSession(), persister, event.getId(), AuditEntry.Action.DELETE,
                version(persister, event.getDeletedState()), null);
    }

    private void record(SharedSessionContract session, EntityPersister persister, Object id, AuditEntry.Action action,
                        Long before, Long after) {
        if (BOOKKEEPING.contains(persister.getMappedClass())) {
            return;
        }
        Optional<AuditedRequests.Writer> writer = writer();
        if (writer.isEmpty()) {
            return;
        }
        AuditedRequests.Writer w = writer.get();
        session.doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setObject(1, OffsetDateTime.now(ZoneOffset.UTC));
                insert.setString(2, shortened(w.actor(), ACTOR_CHARS));
                insert.setString(3, action.name());
                insert.setString(4, persister.getJpaEntityName());
                insert.setString(5, shortened(String.valueOf(id), ID_CHARS));
                setVersion(insert, 6, before);
                setVersion(insert, 7, after);
                insert.setString(8, w.requestId());
                insert.setString(9, w.operation());
                insert.executeUpdate();
            }
        });
    }

    private static Optional<AuditedRequests.Writer> writer() {
        ArcContainer container = Arc.container();
        if (container == null || !container.isRunning()) {
            return Optional.empty();
        }
        return container.instance(AuditedRequests.class).get().current();
    }

    /** The optimistic-lock version in an entity state, or null when the entity has none (or a non-numeric one). */
    private static Long version(EntityPersister persister, Object[] state) {
        if (state == null || !persister.isVersioned()) {
            return null;
        }
        return state[persister.getVersionPropertyIndex()] instanceof Number n ? n.longValue() : null;
    }

    private static void setVersion(PreparedStatement insert, int index, Long version) throws java.sql.SQLException {
        if (version == null) {
            insert.setNull(index, Types.BIGINT);
        } else {
            insert.setLong(index, version);
        }
    }

    private static String shortened(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}

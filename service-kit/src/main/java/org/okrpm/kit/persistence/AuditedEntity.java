package org.okrpm.kit.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;

/**
 * The audit columns an entity that is created, changed and guarded by If-Match carries: {@code created_at}
 * (set once, never updated), {@code updated_at} (every update) and the optimistic-lock {@code version}
 * (JPA {@code @Version}, column {@code version}). Extend it instead of repeating the three fields; the
 * columns are the ones each table already has, so the schema does not change.
 */
@MappedSuperclass
public abstract class AuditedEntity extends PanacheEntityBase {

    @CreationTimestamp
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @UpdateTimestamp
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}

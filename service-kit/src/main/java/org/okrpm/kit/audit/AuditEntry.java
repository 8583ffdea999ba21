package org.okrpm.kit.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * One write of the audit trail: who changed which resource, when, in which request, and its version before and
 * after. Rows are inserted by {@link AuditListener} with plain JDBC during the flush; this mapping only reads them.
 */
@Entity
@Immutable
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

    public enum Action { CREATE, UPDATE, DELETE }

    @Id
    public Long id;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    /** The token subject; {@value AuditedRequests#ANONYMOUS} for a request without one (a signed inbound webhook). */
    @Column(nullable = false, length = 200)
    public String actor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public Action action;

    /** The entity's name, e.g. {@code Objective}, {@code Task}. */
    @Column(name = "resource_type", nullable = false, length = 100)
    public String resourceType;

    @Column(name = "resource_id", nullable = false, length = 200)
    public String resourceId;

    /** Null for a creation and for resources without a version. */
    @Column(name = "version_before")
    public Long versionBefore;

    /** Null for a deletion and for resources without a version. */
    @Column(name = "version_after")
    public Long versionAfter;

    @Column(name = "request_id", length = 128)
    public String requestId;

    /** The request that made the change, e.g. {@code PATCH /api/v1/objectives/…}. */
    @Column(length = 300)
    public String operation;
}

package org.okrpm.project.integration;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;

/**
 * An external item (issue) an integration has heard of: the task made for it, the state the tool last
 * reported, and the time of the newest event applied, against which later events are judged stale.
 * A deleted item stays as a tombstone so that a late event cannot bring its task back.
 */
@Entity
@Table(name = "integration_item")
public class IntegrationItem extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "integration_id", nullable = false)
    public UUID integrationId;

    @Column(name = "external_id", nullable = false, length = 200)
    public String externalId;

    /** Null once the item was deleted, or when its task was deleted here. */
    @Column(name = "task_id")
    public UUID taskId;

    @Enumerated(EnumType.STRING)
    @Column(name = "external_state", nullable = false, length = 20)
    public ExternalState externalState;

    @Column(name = "last_event_at")
    public Instant lastEventAt;

    @Column(nullable = false)
    public boolean deleted;

    @CreationTimestamp
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @UpdateTimestamp
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}

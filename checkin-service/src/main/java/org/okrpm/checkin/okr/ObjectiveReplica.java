package org.okrpm.checkin.okr;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** okr-service's objective, as far as this service needs it. */
@Entity
@Table(name = "objective_replica")
public class ObjectiveReplica extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "cycle_id", nullable = false)
    public UUID cycleId;

    @Column(name = "owner_id", nullable = false, length = 100)
    public String ownerId;

    /** A tombstone, so that a late "updated" event cannot bring a deleted objective back. */
    @Column(nullable = false)
    public boolean deleted;

    /** okr-service's version of the snapshot (not a JPA @Version): older events are ignored. */
    @Column(nullable = false)
    public long version;
}

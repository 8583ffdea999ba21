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

    /** PUBLIC or PRIVATE: a PRIVATE objective's check-ins are shown only to its audience (ObjectiveAudience). */
    @Column(nullable = false, length = 10)
    public String visibility = ObjectiveAudience.PUBLIC;

    @Column(name = "team_id", length = 100)
    public String teamId;

    @Column(name = "created_by", length = 100)
    public String createdBy;

    /** A tombstone, so that a late "updated" event cannot bring a deleted objective back. */
    @Column(nullable = false)
    public boolean deleted;

    /** okr-service's version of the snapshot (not a JPA @Version): older events are ignored. */
    @Column(nullable = false)
    public long version;
}

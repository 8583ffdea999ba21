package org.okrpm.checkin.okr;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** okr-service's key result, as far as this service needs it. */
@Entity
@Table(name = "key_result_replica")
public class KeyResultReplica extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "objective_id", nullable = false)
    public UUID objectiveId;

    @Column(name = "cycle_id", nullable = false)
    public UUID cycleId;

    @Column(length = 200)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(name = "progress_source", nullable = false, length = 10)
    public ProgressSource progressSource;

    /** A tombstone, so that a late "updated" event cannot bring a deleted key result back. */
    @Column(nullable = false)
    public boolean deleted;

    /** okr-service's version of the snapshot (not a JPA @Version): older events are ignored. */
    @Column(nullable = false)
    public long version;
}

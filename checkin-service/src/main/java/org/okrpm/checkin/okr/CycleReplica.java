package org.okrpm.checkin.okr;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** okr-service's cycle, as far as this service needs it. */
@Entity
@Table(name = "cycle_replica")
public class CycleReplica extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public CyclePhase phase;

    /** okr-service's version of the snapshot (not a JPA @Version): older events are ignored. */
    @Column(nullable = false)
    public long version;
}

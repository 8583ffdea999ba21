package org.okrpm.okr.retrospective;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * checkin-service's retrospective, as far as okr-service needs it: which objective it reflects on, or which team's
 * whole cycle. Filled from checkin.retrospectives; the text stays with checkin-service.
 */
@Entity
@Table(name = "retrospective_replica")
public class RetrospectiveReplica extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "cycle_id", nullable = false)
    public UUID cycleId;

    /** Null for a whole-cycle retrospective. */
    @Column(name = "objective_id")
    public UUID objectiveId;

    /** The team of a whole-cycle retrospective; null for an objective's. */
    @Column(name = "team_id", length = 100)
    public String teamId;

    /** checkin-service's version of the snapshot (not a JPA @Version): older events are ignored. */
    @Column(nullable = false)
    public long version;
}

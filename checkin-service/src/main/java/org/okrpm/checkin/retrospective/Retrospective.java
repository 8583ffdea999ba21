package org.okrpm.checkin.retrospective;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.okrpm.kit.persistence.AuditedEntity;

/**
 * The end-of-cycle reflection on one objective, or on a whole cycle for one team (no objective): what went well,
 * what to improve, what was learnt.
 */
@Entity
@Table(name = "retrospective")
public class Retrospective extends AuditedEntity {

    @Id
    public UUID id;

    @Column(name = "cycle_id", nullable = false)
    public UUID cycleId;

    /** One retrospective per objective (unique); null for a whole-cycle retrospective. */
    @Column(name = "objective_id")
    public UUID objectiveId;

    /** The team of a whole-cycle retrospective, one per (cycle, team) (unique); null for an objective's. */
    @Column(name = "team_id", length = 100)
    public String teamId;

    @Column(name = "went_well", length = 4000)
    public String wentWell;

    @Column(name = "to_improve", length = 4000)
    public String toImprove;

    @Column(length = 4000)
    public String lessons;

    @Column(name = "author_id", nullable = false, length = 100)
    public String authorId;
}

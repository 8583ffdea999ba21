package org.okrpm.okr.objective;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One change of an objective's progress, with what caused it: the objective's history. */
@Entity
@Table(name = "objective_progress")
public class ObjectiveProgressEntry extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "objective_id", nullable = false)
    public UUID objectiveId;

    @Column(name = "at", nullable = false)
    public Instant at;

    @Column(nullable = false)
    public double progress;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public ObjectiveHistorySource source;

    @Column(nullable = false, length = 300)
    public String cause;
}

package org.okrpm.checkin.retrospective;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;

/** The end-of-cycle reflection on one objective: what went well, what to improve, what was learnt. */
@Entity
@Table(name = "retrospective")
public class Retrospective extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "cycle_id", nullable = false)
    public UUID cycleId;

    /** One retrospective per objective (unique). */
    @Column(name = "objective_id", nullable = false)
    public UUID objectiveId;

    @Column(name = "went_well", length = 4000)
    public String wentWell;

    @Column(name = "to_improve", length = 4000)
    public String toImprove;

    @Column(length = 4000)
    public String lessons;

    @Column(name = "author_id", nullable = false, length = 100)
    public String authorId;

    @CreationTimestamp
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @UpdateTimestamp
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}

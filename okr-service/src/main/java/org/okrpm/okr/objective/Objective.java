package org.okrpm.okr.objective;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.okrpm.kit.persistence.AuditedEntity;

@Entity
@Table(name = "objective")
public class Objective extends AuditedEntity {

    @Id
    public UUID id;

    @Column(name = "cycle_id", nullable = false)
    public UUID cycleId;

    @Column(nullable = false, length = 200)
    public String title;

    @Column(length = 4000)
    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public ObjectiveLevel level;

    @Column(name = "owner_id", nullable = false, length = 100)
    public String ownerId;

    @Column(name = "team_id", length = 100)
    public String teamId;

    /** The subject that created it; null for objectives created before this was recorded. */
    @Column(name = "created_by", length = 100, updatable = false)
    public String createdBy;

    /** The objective this one aligns under (the cascade), or null at the top. */
    @Column(name = "parent_id")
    public UUID parentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public ObjectiveStatus status;

    /** Weighted mean of its key results' progress, kept up to date by every change to them. */
    @Column(nullable = false)
    public double progress;
}

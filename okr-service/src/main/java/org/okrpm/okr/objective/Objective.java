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

    /** The objective of an earlier cycle this one continues (rollover), or null. */
    @Column(name = "previous_id")
    public UUID previousId;

    /** The lifecycle people set; the tracking status is derived, never stored. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public ObjectiveState state;

    /** Progress by its key results, its aligned children or both; null means the default, see {@link #effectiveMode}. */
    @Enumerated(EnumType.STRING)
    @Column(name = "progress_mode", length = 20)
    public ProgressMode progressMode;

    /** Its share in its parent's progress, > 0. */
    @Column(nullable = false)
    public double weight = 1.0;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public Visibility visibility = Visibility.PUBLIC;

    /** Follows its progressMode, kept up to date by every change below it in the tree. */
    @Column(nullable = false)
    public double progress;

    /** Weighted mean of its key results' scores once all are scored; null before or without key results. */
    public Double score;

    /** The mode in force: the stored one, else KEY_RESULTS when it has key results, else CHILDREN. */
    public ProgressMode effectiveMode(boolean hasKeyResults) {
        if (progressMode != null) {
            return progressMode;
        }
        return hasKeyResults ? ProgressMode.KEY_RESULTS : ProgressMode.CHILDREN;
    }
}

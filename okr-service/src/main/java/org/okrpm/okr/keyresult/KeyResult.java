package org.okrpm.okr.keyresult;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.okrpm.kit.persistence.AuditedEntity;

@Entity
@Table(name = "key_result")
public class KeyResult extends AuditedEntity {

    @Id
    public UUID id;

    @Column(name = "objective_id", nullable = false)
    public UUID objectiveId;

    /** Copied from the objective, so cycle rules and filters need no join. */
    @Column(name = "cycle_id", nullable = false)
    public UUID cycleId;

    /** The key result of an earlier cycle this one continues (rollover), or null: its lineage. */
    @Column(name = "previous_id")
    public UUID previousId;

    @Column(nullable = false, length = 200)
    public String title;

    /** Who answers for it; by default its objective's owner. */
    @Column(name = "owner_id", nullable = false, length = 100)
    public String ownerId;

    /** When the target is due; null means the cycle's end date (the view shows the effective date). */
    @Column(name = "due_date")
    public LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "metric_type", nullable = false, length = 20)
    public MetricType metricType;

    @Column(length = 30)
    public String unit;

    @Column(name = "start_value", nullable = false, precision = 19, scale = 4)
    public BigDecimal startValue;

    @Column(name = "target_value", nullable = false, precision = 19, scale = 4)
    public BigDecimal targetValue;

    @Column(name = "current_value", nullable = false, precision = 19, scale = 4)
    public BigDecimal currentValue;

    @Column(nullable = false)
    public double weight;

    @Enumerated(EnumType.STRING)
    @Column(name = "progress_source", nullable = false, length = 10)
    public ProgressSource progressSource;

    @Column(nullable = false)
    public double progress;

    /** The owner's latest confidence of reaching the target, 0..1; null until someone says. */
    public Double confidence;

    /** The end-of-cycle grade, 0..1, set during the retrospective. */
    public Double score;

    /** When the check-in that last set currentValue or confidence was made (older ones arriving late are ignored). */
    @Column(name = "last_check_in_at")
    public Instant lastCheckInAt;

    /**
     * The newest rollup of linked tasks applied (project.key-result-work): its sequence number and exact sums.
     * TASKS progress and currentValue are computed from these sums, never from a rounded progress.
     */
    @Column(name = "tasks_sequence", nullable = false)
    public long tasksSequence;

    @Column(name = "tasks_done_weight", nullable = false, precision = 38, scale = 20)
    public BigDecimal tasksDoneWeight = BigDecimal.ZERO;

    @Column(name = "tasks_counted_weight", nullable = false, precision = 38, scale = 20)
    public BigDecimal tasksCountedWeight = BigDecimal.ZERO;
}

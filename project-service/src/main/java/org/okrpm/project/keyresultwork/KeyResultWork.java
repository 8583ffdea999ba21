package org.okrpm.project.keyresultwork;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.UUID;

/**
 * The rollup of the tasks linked to one key result, as last published. Its row is the lock every change to
 * those tasks takes, so each {@code sequence} stands for one committed state of them.
 */
@Entity
@Table(name = "key_result_work")
public class KeyResultWork extends PanacheEntityBase {

    /** Decimals kept of the weight sums: the column's scale (see V3__key_result_work.sql). */
    static final int SCALE = 20;

    @Id
    @Column(name = "key_result_id")
    public UUID keyResultId;

    /** 1 for the first rollup published, one more for each after it. */
    @Column(nullable = false)
    public long sequence;

    @Column(name = "done_weight", nullable = false, precision = 38, scale = SCALE)
    public BigDecimal doneWeight;

    @Column(name = "counted_weight", nullable = false, precision = 38, scale = SCALE)
    public BigDecimal countedWeight;

    @Column(name = "todo_count", nullable = false)
    public int todoCount;

    @Column(name = "in_progress_count", nullable = false)
    public int inProgressCount;

    @Column(name = "done_count", nullable = false)
    public int doneCount;

    @Column(name = "cancelled_count", nullable = false)
    public int cancelledCount;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Takes the tally as the next state: the caller holds this row's lock. */
    void advanceTo(WorkTally tally, Instant at) {
        sequence++;
        doneWeight = stored(tally.doneWeight());
        countedWeight = stored(tally.countedWeight());
        todoCount = tally.todo();
        inProgressCount = tally.inProgress();
        doneCount = tally.done();
        cancelledCount = tally.cancelled();
        updatedAt = at;
    }

    /** The value the column keeps, so what is published is what is stored: 0.3, 10 (never 1E+1). */
    private static BigDecimal stored(BigDecimal sum) {
        BigDecimal rounded = sum.setScale(SCALE, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
    }
}

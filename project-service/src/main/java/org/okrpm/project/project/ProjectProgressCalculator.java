package org.okrpm.project.project;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import org.okrpm.project.project.ProjectDtos.TaskStats;
import org.okrpm.project.task.TaskStatus;

/**
 * A project's task figures from its tasks, grouped by status: the counts of {@code taskStats}, and
 * {@code progress} = Σ weight of DONE tasks ÷ Σ weight of tasks that are not CANCELLED (0 when none),
 * rounded to 4 decimals. The same rule okr-service applies to a TASKS key result.
 */
public final class ProjectProgressCalculator {

    private ProjectProgressCalculator() {
    }

    /** All tasks of one status: how many, and their total weight. */
    public record StatusTally(TaskStatus status, long count, double weight) {
    }

    public static TaskStats stats(Collection<StatusTally> tallies) {
        long total = 0;
        long done = 0;
        long open = 0;
        long cancelled = 0;
        for (StatusTally tally : tallies) {
            total += tally.count();
            switch (tally.status()) {
                case DONE -> done += tally.count();
                case CANCELLED -> cancelled += tally.count();
                default -> open += tally.count();
            }
        }
        return new TaskStats(total, done, open, cancelled);
    }

    public static double progress(Collection<StatusTally> tallies) {
        double done = 0;
        double counted = 0;
        for (StatusTally tally : tallies) {
            if (tally.status() == TaskStatus.CANCELLED) {
                continue;
            }
            counted += tally.weight();
            if (tally.status() == TaskStatus.DONE) {
                done += tally.weight();
            }
        }
        if (counted <= 0) {
            return 0.0;
        }
        return BigDecimal.valueOf(done / counted).setScale(4, RoundingMode.HALF_UP).doubleValue();
    }
}

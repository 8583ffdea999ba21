package org.okrpm.project.project;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import org.okrpm.project.project.ProjectDtos.TaskStats;

/**
 * A project's task figures from its tasks, grouped by standing: the counts of {@code taskStats}, and
 * {@code progress} = Σ weight of DONE tasks ÷ Σ weight of tasks that are not CANCELLED (0 when none),
 * rounded to 4 decimals. The same rule okr-service applies to a TASKS key result.
 */
public final class ProjectProgressCalculator {

    private ProjectProgressCalculator() {
    }

    /**
     * How a task counts for its project: OPEN (TODO or IN_PROGRESS) blocks closing, DONE counts towards
     * progress, CANCELLED does not count at all. The task package maps its statuses onto these.
     */
    public enum Standing {
        OPEN, DONE, CANCELLED
    }

    /** Tasks of one standing: how many, and their total weight. */
    public record StandingTally(Standing standing, long count, double weight) {
    }

    public static TaskStats stats(Collection<StandingTally> tallies) {
        long total = 0;
        long done = 0;
        long open = 0;
        long cancelled = 0;
        for (StandingTally tally : tallies) {
            total += tally.count();
            switch (tally.standing()) {
                case DONE -> done += tally.count();
                case CANCELLED -> cancelled += tally.count();
                case OPEN -> open += tally.count();
            }
        }
        return new TaskStats(total, done, open, cancelled);
    }

    public static double progress(Collection<StandingTally> tallies) {
        double done = 0;
        double counted = 0;
        for (StandingTally tally : tallies) {
            if (tally.standing() == Standing.CANCELLED) {
                continue;
            }
            counted += tally.weight();
            if (tally.standing() == Standing.DONE) {
                done += tally.weight();
            }
        }
        if (counted <= 0) {
            return 0.0;
        }
        return BigDecimal.valueOf(done / counted).setScale(4, RoundingMode.HALF_UP).doubleValue();
    }
}

package org.okrpm.okr.objective;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.okrpm.okr.keyresult.ProgressCalculator;
import org.okrpm.okr.keyresult.ProgressCalculator.WeightedProgress;

/**
 * The rollup rules of docs/api.md (Objectives), as pure functions: an objective's progress from its key results
 * and aligned children, and its score from its key results' scores. Results are rounded to 4 decimals.
 */
public final class RollupCalculator {

    private RollupCalculator() {
    }

    /** An aligned child as its parent sees it: its weight, its progress and its lifecycle state. */
    public record Child(double weight, double progress, ObjectiveState state) {
    }

    /** A key result's score and weight; score null while it is not scored. */
    public record Scored(double weight, Double score) {
    }

    /**
     * KEY_RESULTS: weighted mean of the key results' progress (key result weights). CHILDREN: weighted mean of the
     * children's progress (child weights), CANCELLED children left out. BOTH: one weighted mean over the key results
     * and the counted children together, each with its own weight. 0 when nothing counts.
     */
    public static double progress(ProgressMode mode, Collection<WeightedProgress> keyResults,
                                  Collection<Child> children) {
        List<WeightedProgress> parts = new ArrayList<>();
        if (mode != ProgressMode.CHILDREN) {
            parts.addAll(keyResults);
        }
        if (mode != ProgressMode.KEY_RESULTS) {
            children.stream().filter(RollupCalculator::counts)
                    .forEach(child -> parts.add(new WeightedProgress(child.weight(), child.progress())));
        }
        return ProgressCalculator.weightedMean(parts);
    }

    /** Whether a child counts in its parent's progress: every state but CANCELLED. */
    public static boolean counts(Child child) {
        return child.state() != ObjectiveState.CANCELLED;
    }

    /** The weighted mean of the key results' scores once every one is scored; null before, and without any. */
    public static Double score(Collection<Scored> keyResults) {
        if (keyResults.isEmpty() || keyResults.stream().anyMatch(kr -> kr.score() == null)) {
            return null;
        }
        return ProgressCalculator.weightedMean(keyResults.stream()
                .map(kr -> new WeightedProgress(kr.weight(), kr.score())).toList());
    }
}

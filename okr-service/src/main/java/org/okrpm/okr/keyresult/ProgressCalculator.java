package org.okrpm.okr.keyresult;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Collection;
import org.okrpm.okr.linkedtask.LinkedTaskStatus;

/**
 * The progress rules of API.md, in one place. Every result is a fraction in [0, 1] rounded to 4 decimals.
 */
public final class ProgressCalculator {

    private ProgressCalculator() {
    }

    /** A task's say in a key result's TASKS progress. */
    public record TaskContribution(double weight, LinkedTaskStatus status) {
    }

    /** A key result's say in its objective's progress. */
    public record WeightedProgress(double weight, double progress) {
    }

    /**
     * MANUAL: clamp((current − start) / (target − start), 0, 1). Works for decreasing metrics (target below
     * start) because numerator and denominator change sign together.
     */
    public static double manual(BigDecimal start, BigDecimal target, BigDecimal current) {
        BigDecimal span = target.subtract(start);
        if (span.signum() == 0) {
            return 0.0;
        }
        return round(clamp(current.subtract(start).divide(span, MathContext.DECIMAL64).doubleValue()));
    }

    /** TASKS: Σ weight of DONE ÷ Σ weight of all but CANCELLED; 0 when nothing counts. */
    public static double tasks(Collection<TaskContribution> tasks) {
        double done = 0;
        double counted = 0;
        for (TaskContribution task : tasks) {
            if (task.status() == LinkedTaskStatus.CANCELLED) {
                continue;
            }
            counted += task.weight();
            if (task.status() == LinkedTaskStatus.DONE) {
                done += task.weight();
            }
        }
        return counted == 0 ? 0.0 : round(done / counted);
    }

    /** An objective: the weighted mean of its key results' progress; 0 without key results. */
    public static double weightedMean(Collection<WeightedProgress> parts) {
        double sum = 0;
        double weights = 0;
        for (WeightedProgress part : parts) {
            sum += part.weight() * part.progress();
            weights += part.weight();
        }
        return weights == 0 ? 0.0 : round(sum / weights);
    }

    /** The value on a key result's own scale that a progress stands for (used for TASKS key results). */
    public static BigDecimal valueAt(BigDecimal start, BigDecimal target, double progress) {
        return start.add(target.subtract(start).multiply(BigDecimal.valueOf(progress)))
                .setScale(4, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
    }

    static double clamp(double value) {
        return Math.max(0.0, Math.min(1.0, value));
    }

    static double round(double value) {
        return BigDecimal.valueOf(value).setScale(4, java.math.RoundingMode.HALF_UP).doubleValue();
    }
}

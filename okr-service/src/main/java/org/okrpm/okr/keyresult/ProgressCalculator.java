package org.okrpm.okr.keyresult;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Collection;

/**
 * The progress rules of docs/api.md, in one place. Every result is a fraction in [0, 1] rounded to 4 decimals.
 */
public final class ProgressCalculator {

    private ProgressCalculator() {
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

    /**
     * TASKS: Σ weight of DONE tasks ÷ Σ weight of all linked tasks but CANCELLED (both exact sums from the
     * rollup), rounded to 4 decimals only here, for display; 0 when nothing counts.
     */
    public static double tasks(BigDecimal doneWeight, BigDecimal countedWeight) {
        if (countedWeight.signum() == 0) {
            return 0.0;
        }
        return clamp(doneWeight.divide(countedWeight, 4, RoundingMode.HALF_UP).doubleValue());
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

    /**
     * A TASKS key result's value on its own scale: start + (target − start) × done ÷ counted, multiplied before
     * dividing so it is exact wherever the scale allows (1 of 300 tasks on 0 → 300 is 1, not 0.99).
     */
    public static BigDecimal valueAt(BigDecimal start, BigDecimal target, BigDecimal doneWeight,
                                     BigDecimal countedWeight) {
        if (countedWeight.signum() == 0) {
            return start;
        }
        return start.add(target.subtract(start).multiply(doneWeight).divide(countedWeight, 4, RoundingMode.HALF_UP))
                .stripTrailingZeros();
    }

    static double clamp(double value) {
        return Math.max(0.0, Math.min(1.0, value));
    }

    static double round(double value) {
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).doubleValue();
    }
}

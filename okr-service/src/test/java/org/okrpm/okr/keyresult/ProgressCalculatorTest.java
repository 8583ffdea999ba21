package org.okrpm.okr.keyresult;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.okrpm.okr.keyresult.ProgressCalculator.WeightedProgress;

class ProgressCalculatorTest {

    private static double manual(double start, double target, double current) {
        return ProgressCalculator.manual(BigDecimal.valueOf(start), BigDecimal.valueOf(target),
                BigDecimal.valueOf(current));
    }

    @Test
    void increasingMetric() {
        assertEquals(0.4, manual(0, 100, 40));
        assertEquals(0.0, manual(0, 100, 0));
        assertEquals(1.0, manual(0, 100, 100));
    }

    @Test
    void decreasingMetricCountsTheWayDown() {
        assertEquals(0.5, manual(100, 20, 60));
        assertEquals(0.25, manual(100, 20, 80));
    }

    @Test
    void clampedAboveTheTarget() {
        assertEquals(1.0, manual(0, 100, 150));
        assertEquals(1.0, manual(100, 20, 5));
    }

    @Test
    void clampedBelowTheBaseline() {
        assertEquals(0.0, manual(0, 100, -10));
        assertEquals(0.0, manual(100, 20, 130));
    }

    @Test
    void booleanIsZeroOrOne() {
        assertEquals(0.0, manual(0, 1, 0));
        assertEquals(1.0, manual(0, 1, 1));
    }

    @Test
    void roundedToFourDecimals() {
        assertEquals(0.3333, manual(0, 3, 1));
        assertEquals(0.6667, manual(0, 3, 2));
    }

    private static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    @Test
    void tasksWeighDoneAgainstAllCounted() {
        assertEquals(0.25, ProgressCalculator.tasks(dec("1"), dec("4")));
        assertEquals(0.3333, ProgressCalculator.tasks(dec("1"), dec("3")));
        assertEquals(0.75, ProgressCalculator.tasks(dec("3"), dec("4")));
        assertEquals(0.0033, ProgressCalculator.tasks(dec("1"), dec("300")));
    }

    @Test
    void noCountableTasksIsZero() {
        assertEquals(0.0, ProgressCalculator.tasks(BigDecimal.ZERO, BigDecimal.ZERO));
    }

    @Test
    void objectiveIsTheWeightedMeanOfItsKeyResults() {
        assertEquals(0.7, ProgressCalculator.weightedMean(List.of(
                new WeightedProgress(3, 1.0), new WeightedProgress(1, 0.0),
                new WeightedProgress(1, 0.5))));
        assertEquals(0.5, ProgressCalculator.weightedMean(List.of(
                new WeightedProgress(1, 0.25), new WeightedProgress(1, 0.75))));
    }

    @Test
    void objectiveWithoutKeyResultsIsZero() {
        assertEquals(0.0, ProgressCalculator.weightedMean(List.of()));
    }

    @Test
    void valueOnTheKeyResultsScaleComesFromTheExactSumsNotFromRoundedProgress() {
        // 1 of 300 tasks done on 0 → 300: exactly 1 (from the rounded progress 0.0033 it would be 0.99)
        assertEquals(0, dec("1").compareTo(ProgressCalculator.valueAt(BigDecimal.ZERO, dec("300"), dec("1"), dec("300"))));
        assertEquals(0, dec("2").compareTo(ProgressCalculator.valueAt(BigDecimal.ZERO, dec("300"), dec("2"), dec("300"))));
        assertEquals(0, dec("25").compareTo(ProgressCalculator.valueAt(BigDecimal.ZERO, dec("100"), dec("1"), dec("4"))));
        // decreasing metric: 100 → 20, a quarter done is 80
        assertEquals(0, dec("80").compareTo(ProgressCalculator.valueAt(dec("100"), dec("20"), dec("0.1"), dec("0.4"))));
        // weights whose doubles do not add up (0.1 + 0.2) are summed exactly by the producer: 0.3 of 0.6 is half
        assertEquals(0, dec("50").compareTo(ProgressCalculator.valueAt(BigDecimal.ZERO, dec("100"), dec("0.3"), dec("0.6"))));
        // nothing counted yet: still at the start
        assertEquals(0, dec("7").compareTo(ProgressCalculator.valueAt(dec("7"), dec("9"), BigDecimal.ZERO, BigDecimal.ZERO)));
    }
}

package org.okrpm.okr.keyresult;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.okrpm.okr.linkedtask.LinkedTaskStatus.CANCELLED;
import static org.okrpm.okr.linkedtask.LinkedTaskStatus.DONE;
import static org.okrpm.okr.linkedtask.LinkedTaskStatus.IN_PROGRESS;
import static org.okrpm.okr.linkedtask.LinkedTaskStatus.TODO;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.okrpm.okr.keyresult.ProgressCalculator.TaskContribution;
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

    @Test
    void tasksWeighDoneAgainstAllButCancelled() {
        assertEquals(0.25, ProgressCalculator.tasks(List.of(
                new TaskContribution(1, DONE), new TaskContribution(1, TODO),
                new TaskContribution(1, IN_PROGRESS), new TaskContribution(1, TODO))));
        assertEquals(0.3333, ProgressCalculator.tasks(List.of(
                new TaskContribution(1, DONE), new TaskContribution(1, TODO),
                new TaskContribution(1, CANCELLED), new TaskContribution(1, TODO))));
        assertEquals(0.75, ProgressCalculator.tasks(List.of(
                new TaskContribution(3, DONE), new TaskContribution(1, TODO))));
    }

    @Test
    void noCountableTasksIsZero() {
        assertEquals(0.0, ProgressCalculator.tasks(List.of()));
        assertEquals(0.0, ProgressCalculator.tasks(List.of(new TaskContribution(2, CANCELLED))));
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
    void valueOnTheKeyResultsScaleForTaskProgress() {
        assertEquals(0, new BigDecimal("25").compareTo(
                ProgressCalculator.valueAt(BigDecimal.ZERO, BigDecimal.valueOf(100), 0.25)));
        assertEquals(0, new BigDecimal("80").compareTo(
                ProgressCalculator.valueAt(BigDecimal.valueOf(100), BigDecimal.valueOf(20), 0.25)));
    }
}

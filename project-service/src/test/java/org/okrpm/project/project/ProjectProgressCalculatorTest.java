package org.okrpm.project.project;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.okrpm.project.project.ProjectDtos.TaskStats;
import org.okrpm.project.project.ProjectProgressCalculator.Standing;
import org.okrpm.project.project.ProjectProgressCalculator.StandingTally;

class ProjectProgressCalculatorTest {

    @Test
    void noTasksIsZero() {
        assertEquals(0.0, ProjectProgressCalculator.progress(List.of()));
        assertEquals(new TaskStats(0, 0, 0, 0), ProjectProgressCalculator.stats(List.of()));
    }

    @Test
    void progressIsTheWeightedShareOfDoneWithoutCancelled() {
        List<StandingTally> tallies = List.of(
                new StandingTally(Standing.DONE, 2, 3.0),
                new StandingTally(Standing.OPEN, 1, 1.0),
                new StandingTally(Standing.OPEN, 1, 2.0),
                new StandingTally(Standing.CANCELLED, 5, 50.0));
        assertEquals(0.5, ProjectProgressCalculator.progress(tallies));
        assertEquals(new TaskStats(9, 2, 2, 5), ProjectProgressCalculator.stats(tallies));
    }

    @Test
    void onlyCancelledTasksIsZero() {
        assertEquals(0.0, ProjectProgressCalculator.progress(List.of(new StandingTally(Standing.CANCELLED, 2, 2.0))));
    }

    @Test
    void roundedToFourDecimals() {
        assertEquals(0.6667, ProjectProgressCalculator.progress(List.of(
                new StandingTally(Standing.DONE, 2, 2.0), new StandingTally(Standing.OPEN, 1, 1.0))));
    }
}

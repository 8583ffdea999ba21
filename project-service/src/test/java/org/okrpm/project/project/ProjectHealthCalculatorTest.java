package org.okrpm.project.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.okrpm.project.project.HealthStatus.AT_RISK;
import static org.okrpm.project.project.HealthStatus.OFF_TRACK;
import static org.okrpm.project.project.HealthStatus.ON_TRACK;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.okrpm.project.project.ProjectHealthCalculator.Health;

/** The health rule at its thresholds. A 100-day project: day N is timeElapsed N/100. */
class ProjectHealthCalculatorTest {

    private static final LocalDate START = LocalDate.of(2026, 1, 1);
    private static final LocalDate DUE = START.plusDays(100);
    private static final BigDecimal BUDGET = new BigDecimal("1000");

    private static Health onDay(int day, double progress, String actualCost) {
        return ProjectHealthCalculator.assess(progress, START, DUE, new BigDecimal(actualCost), BUDGET,
                START.plusDays(day));
    }

    @Test
    void onTimeAndOnBudgetIsOnTrack() {
        Health health = onDay(50, 0.5, "500");
        assertEquals(0.5, health.timeElapsed());
        assertEquals(0.5, health.budgetUsed());
        assertEquals(ON_TRACK, health.status());
    }

    @Test
    void trailingByExactlyTenPointsIsStillOnTrack() {
        assertEquals(ON_TRACK, onDay(50, 0.40, "0").status());
        assertEquals(AT_RISK, onDay(50, 0.3999, "0").status());
    }

    @Test
    void lateByUpToTwentyFivePointsIsAtRiskBeyondThatOffTrack() {
        assertEquals(AT_RISK, onDay(50, 0.25, "0").status());
        assertEquals(OFF_TRACK, onDay(50, 0.2499, "0").status());
        assertEquals(OFF_TRACK, onDay(90, 0.1, "0").status());
    }

    @Test
    void aheadOfScheduleIsOnTrack() {
        assertEquals(ON_TRACK, onDay(10, 0.9, "100").status());
    }

    @Test
    void pastDueAndNotCompleteIsOffTrack() {
        Health late = onDay(101, 0.95, "0");
        assertEquals(1.0, late.timeElapsed());
        assertEquals(OFF_TRACK, late.status());
        assertEquals(ON_TRACK, onDay(101, 1.0, "900").status());
        assertEquals(ON_TRACK, onDay(100, 0.95, "0").status());
    }

    @Test
    void spendingUpToTenPointsAheadIsOnTrackMoreIsAtRisk() {
        assertEquals(ON_TRACK, onDay(50, 0.4, "600").status());
        assertEquals(AT_RISK, onDay(50, 0.4, "601").status());
    }

    @Test
    void overBudgetIsOffTrackAndNotClamped() {
        Health over = onDay(50, 0.9, "1200");
        assertEquals(1.2, over.budgetUsed());
        assertEquals(OFF_TRACK, over.status());
        assertEquals(OFF_TRACK, onDay(99, 0.99, "1001").status());
        assertEquals(ON_TRACK, onDay(100, 1.0, "1000").status());
    }

    @Test
    void withoutDatesOnlyTheBudgetCounts() {
        Health health = ProjectHealthCalculator.assess(0.2, null, null, new BigDecimal("250"), BUDGET,
                START);
        assertNull(health.timeElapsed());
        assertEquals(0.25, health.budgetUsed());
        assertEquals(ON_TRACK, health.status());
        assertEquals(AT_RISK, ProjectHealthCalculator.assess(0.2, null, null, new BigDecimal("301"), BUDGET,
                START).status());
        assertNull(ProjectHealthCalculator.assess(0.2, START, null, BigDecimal.ZERO, BUDGET, START).timeElapsed());
    }

    @Test
    void withoutBudgetOnlyTheScheduleCounts() {
        Health health = ProjectHealthCalculator.assess(0.5, START, DUE, new BigDecimal("99999"), null,
                START.plusDays(50));
        assertNull(health.budgetUsed());
        assertEquals(ON_TRACK, health.status());
        assertEquals(OFF_TRACK, ProjectHealthCalculator.assess(0.2, START, DUE, BigDecimal.ZERO, null,
                START.plusDays(50)).status());
    }

    @Test
    void withoutDatesAndBudgetThereIsNothingToBeBehind() {
        Health health = ProjectHealthCalculator.assess(0.0, null, null, BigDecimal.ZERO, null, START);
        assertNull(health.timeElapsed());
        assertNull(health.budgetUsed());
        assertEquals(ON_TRACK, health.status());
    }

    @Test
    void timeElapsedIsClampedAndRounded() {
        assertEquals(0.0, onDay(-5, 0.0, "0").timeElapsed());
        assertEquals(ON_TRACK, onDay(-5, 0.0, "0").status());
        assertEquals(1.0, onDay(150, 1.0, "0").timeElapsed());
        LocalDate start = LocalDate.of(2026, 1, 1);
        assertEquals(0.3333, ProjectHealthCalculator.assess(0, start, start.plusDays(3), BigDecimal.ZERO, null,
                start.plusDays(1)).timeElapsed());
    }

    @Test
    void aOneDayProjectIsElapsedFromItsStartDate() {
        assertEquals(0.0, ProjectHealthCalculator.assess(0, START, START, BigDecimal.ZERO, null,
                START.minusDays(1)).timeElapsed());
        assertEquals(1.0, ProjectHealthCalculator.assess(0, START, START, BigDecimal.ZERO, null,
                START).timeElapsed());
    }
}

package org.okrpm.project.project;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The health rule of a project, in one place. Inputs are the project's progress (weighted share of DONE
 * tasks), its dates, its actual cost and budget, and today's date.
 * <ul>
 *   <li>{@code timeElapsed} = (today − startDate) / (dueDate − startDate), clamped to [0, 1]; null unless
 *       both dates are set.</li>
 *   <li>{@code budgetUsed} = actualCost / budget.amount, not clamped (1.2 = 20 % over); null without a
 *       budget.</li>
 *   <li>{@code behind} = timeElapsed − progress (0 without dates).</li>
 *   <li><b>OFF_TRACK</b> when over budget (budgetUsed &gt; 1), or past the due date with progress &lt; 1, or
 *       behind by more than 0.25.</li>
 *   <li><b>ON_TRACK</b> when behind by at most 0.10 and budgetUsed ≤ max(progress, timeElapsed) + 0.10
 *       (spending runs at most 10 points ahead of both work done and time elapsed).</li>
 *   <li><b>AT_RISK</b> otherwise.</li>
 * </ul>
 * Without dates and budget there is nothing to compare: ON_TRACK. All fractions are rounded to 4 decimals
 * before the thresholds are applied, so a boundary value counts as inside.
 */
public final class ProjectHealthCalculator {

    /** How far progress may trail time elapsed and still be ON_TRACK. */
    public static final double SCHEDULE_SLACK = 0.10;
    /** Trailing time elapsed by more than this is OFF_TRACK. */
    public static final double SCHEDULE_LIMIT = 0.25;
    /** How far budget used may run ahead of max(progress, timeElapsed) and still be ON_TRACK. */
    public static final double BUDGET_SLACK = 0.10;

    private static final double EPSILON = 1e-9;

    private ProjectHealthCalculator() {
    }

    public record Health(double progress, Double timeElapsed, Double budgetUsed, HealthStatus status) {
    }

    public static Health assess(double progress, LocalDate startDate, LocalDate dueDate,
                                BigDecimal actualCost, BigDecimal budget, LocalDate today) {
        Double elapsed = timeElapsed(startDate, dueDate, today);
        Double used = budgetUsed(actualCost, budget);
        boolean pastDue = dueDate != null && today.isAfter(dueDate) && progress < 1.0;
        return new Health(progress, elapsed, used, status(progress, elapsed, used, pastDue));
    }

    static HealthStatus status(double progress, Double timeElapsed, Double budgetUsed, boolean pastDue) {
        double behind = timeElapsed == null ? 0.0 : timeElapsed - progress;
        if (pastDue || behind > SCHEDULE_LIMIT + EPSILON || budgetUsed != null && budgetUsed > 1.0 + EPSILON) {
            return HealthStatus.OFF_TRACK;
        }
        double pace = Math.max(progress, timeElapsed == null ? 0.0 : timeElapsed);
        boolean onSchedule = behind <= SCHEDULE_SLACK + EPSILON;
        boolean onBudget = budgetUsed == null || budgetUsed <= pace + BUDGET_SLACK + EPSILON;
        return onSchedule && onBudget ? HealthStatus.ON_TRACK : HealthStatus.AT_RISK;
    }

    /** Share of startDate → dueDate elapsed by today, in [0, 1]; null without both dates. */
    static Double timeElapsed(LocalDate startDate, LocalDate dueDate, LocalDate today) {
        if (startDate == null || dueDate == null) {
            return null;
        }
        long span = ChronoUnit.DAYS.between(startDate, dueDate);
        if (span <= 0) {
            return today.isBefore(startDate) ? 0.0 : 1.0;
        }
        double share = (double) ChronoUnit.DAYS.between(startDate, today) / span;
        return round(Math.max(0.0, Math.min(1.0, share)));
    }

    /** actualCost / budget, not clamped; null without a (positive) budget. */
    static Double budgetUsed(BigDecimal actualCost, BigDecimal budget) {
        if (budget == null || budget.signum() <= 0) {
            return null;
        }
        BigDecimal cost = actualCost == null ? BigDecimal.ZERO : actualCost;
        return cost.divide(budget, MathContext.DECIMAL64).setScale(4, RoundingMode.HALF_UP).doubleValue();
    }

    static double round(double value) {
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).doubleValue();
    }
}

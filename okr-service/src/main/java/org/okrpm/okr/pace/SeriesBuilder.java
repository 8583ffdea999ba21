package org.okrpm.okr.pace;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.okrpm.kit.problem.ProblemException;
import org.okrpm.okr.pace.SeriesDtos.Series;
import org.okrpm.okr.pace.SeriesDtos.SeriesPoint;

/**
 * Turns a history (changes, oldest first) into one point per bucket: each point is the state at the end of its
 * bucket (or of {@code to}, for a shorter last bucket), i.e. the last change before then, carried forward; before
 * the first change the initial state.
 */
public final class SeriesBuilder {

    /** More points than this is a 400: a chart needs no more, and the answer stays small. */
    public static final int MAX_POINTS = 400;

    private SeriesBuilder() {
    }

    /** A state in the history: when it began and what it was. */
    public record State(Instant at, double progress, BigDecimal value, Double confidence) {
    }

    /**
     * The series from {@code from} to {@code to} (both days included). 400 when {@code to} is before {@code from}
     * or there would be more than {@link #MAX_POINTS} points.
     */
    public static Series build(LocalDate from, LocalDate to, SeriesInterval interval, State initial,
                               List<State> history, ToDoubleFunction<Instant> expectedAt) {
        if (to.isBefore(from)) {
            throw ProblemException.invalid("to", "must not be before from (" + from + ")");
        }
        long buckets = ChronoUnit.DAYS.between(from, to) / interval.days + 1;
        if (buckets > MAX_POINTS) {
            throw ProblemException.invalid("from", "from " + from + " to " + to + " by " + interval + " would be "
                    + buckets + " points; at most " + MAX_POINTS + " (narrow the range or use WEEK)");
        }
        List<SeriesPoint> points = new ArrayList<>((int) buckets);
        State current = initial;
        int next = 0;
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(interval.days)) {
            LocalDate last = day.plusDays(interval.days - 1L);
            Instant end = PaceCalculator.endOf(last.isAfter(to) ? to : last);
            while (next < history.size() && history.get(next).at().isBefore(end)) {
                current = history.get(next++);
            }
            points.add(new SeriesPoint(day, current.progress(), current.value(), current.confidence(),
                    expectedAt.applyAsDouble(end)));
        }
        return new Series(interval, points);
    }
}

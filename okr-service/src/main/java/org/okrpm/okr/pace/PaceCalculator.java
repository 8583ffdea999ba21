package org.okrpm.okr.pace;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The pace rules of docs/api.md (Pace), in one place and free of the database: expected progress, status and
 * forecast. Dates are UTC days; a period runs from the start of its first day to the end of its due day.
 */
public final class PaceCalculator {

    private static final double SECONDS_PER_DAY = 86_400;

    private PaceCalculator() {
    }

    /** The status thresholds (PaceConfig), as plain values for the calculator and its tables. */
    public record Thresholds(double atRiskGap, double offTrackGap, double atRiskConfidence,
                             double offTrackConfidence) {
    }

    /** Progress at a moment: a point of the history the forecast fits. */
    public record Sample(Instant at, double progress) {
    }

    /** The instant a day starts, UTC. */
    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The instant a due day ends (the next day's start): progress is due by the end of the due date. */
    public static Instant endOf(LocalDate day) {
        return startOf(day.plusDays(1));
    }

    /**
     * The linear pace: the share of the time from the start of {@code start} to the end of {@code due} that has
     * passed at {@code now}, clamped to [0, 1]; 1 from the due date on, also when due is before start.
     */
    public static double expectedProgress(LocalDate start, LocalDate due, Instant now) {
        Instant from = startOf(start);
        Instant until = endOf(due);
        if (!until.isAfter(from)) {
            return now.isBefore(from) ? 0.0 : 1.0;
        }
        double elapsed = Duration.between(from, now).getSeconds();
        double span = Duration.between(from, until).getSeconds();
        return round(clamp(elapsed / span));
    }

    /**
     * DONE at progress 1; otherwise the worse of two signals: the gap (expected − progress) against the gap
     * thresholds, and the latest confidence against the confidence thresholds (no confidence: no signal).
     * What would be ON_TRACK with no progress at all is NOT_STARTED (before the start, or early in the period
     * while the pace does not yet ask for more than the at-risk gap).
     */
    public static PaceStatus status(double progress, double expected, Double confidence, Thresholds thresholds) {
        if (progress >= 1.0) {
            return PaceStatus.DONE;
        }
        double gap = round(expected - progress);
        PaceStatus byGap = gap >= thresholds.offTrackGap() ? PaceStatus.OFF_TRACK
                : gap >= thresholds.atRiskGap() ? PaceStatus.AT_RISK : PaceStatus.ON_TRACK;
        PaceStatus byConfidence = confidence == null ? PaceStatus.ON_TRACK
                : confidence < thresholds.offTrackConfidence() ? PaceStatus.OFF_TRACK
                : confidence < thresholds.atRiskConfidence() ? PaceStatus.AT_RISK : PaceStatus.ON_TRACK;
        PaceStatus worse = byGap.compareTo(byConfidence) >= 0 ? byGap : byConfidence;
        return worse == PaceStatus.ON_TRACK && progress <= 0.0 ? PaceStatus.NOT_STARTED : worse;
    }

    /**
     * The projected progress at the end of the due day: the latest sample's progress plus the least-squares
     * velocity of the samples times the time left, clamped to [0, 1]. Null with fewer than two samples or
     * less than a day between the first and the last. Samples must be oldest first.
     */
    public static Double forecast(List<Sample> samples, Instant due) {
        if (samples.size() < 2) {
            return null;
        }
        Instant first = samples.get(0).at();
        Sample last = samples.get(samples.size() - 1);
        if (Duration.between(first, last.at()).getSeconds() < SECONDS_PER_DAY) {
            return null;
        }
        double meanX = 0;
        double meanY = 0;
        for (Sample sample : samples) {
            meanX += days(first, sample.at());
            meanY += sample.progress();
        }
        meanX /= samples.size();
        meanY /= samples.size();
        double covariance = 0;
        double variance = 0;
        for (Sample sample : samples) {
            double dx = days(first, sample.at()) - meanX;
            covariance += dx * (sample.progress() - meanY);
            variance += dx * dx;
        }
        double perDay = covariance / variance;
        double daysLeft = Math.max(0, days(last.at(), due));
        return round(clamp(last.progress() + perDay * daysLeft));
    }

    /**
     * The samples the forecast fits at {@code now}: the progress carried into the window (the latest change
     * before it, placed at the window's start), every change within the window, and the progress at
     * {@code now}. {@code before} is that latest earlier change or null; {@code within} are oldest first.
     */
    public static List<Sample> window(Sample before, List<Sample> within, double progressNow, Instant windowStart,
                                      Instant now) {
        List<Sample> samples = new ArrayList<>(within.size() + 2);
        if (before != null) {
            samples.add(new Sample(windowStart, before.progress()));
        }
        within.stream().filter(s -> !s.at().isBefore(windowStart) && !s.at().isAfter(now)).forEach(samples::add);
        if (samples.isEmpty() || samples.get(samples.size() - 1).at().isBefore(now)) {
            samples.add(new Sample(now, progressNow));
        }
        return samples;
    }

    /** A key result's or objective's whole pace at {@code now}, its forecast from {@code samples}. */
    public static Pace pace(double progress, Double confidence, double expected, List<Sample> samples, Instant due,
                            Thresholds thresholds) {
        return new Pace(expected, status(progress, expected, confidence, thresholds), forecast(samples, due));
    }

    /** An expected progress and its weight: one key result's say in its objective's expected progress. */
    public record WeightedExpectation(double weight, double expected) {
    }

    /**
     * An objective's expected progress: the weighted mean of its key results' (each from the cycle's start to
     * its own due date); without key results the linear pace over its cycle.
     */
    public static double objectiveExpected(List<WeightedExpectation> keyResults, LocalDate cycleStart,
                                           LocalDate cycleEnd, Instant now) {
        double weights = keyResults.stream().mapToDouble(WeightedExpectation::weight).sum();
        if (keyResults.isEmpty() || weights <= 0) {
            return expectedProgress(cycleStart, cycleEnd, now);
        }
        double sum = keyResults.stream().mapToDouble(k -> k.weight() * k.expected()).sum();
        return round(clamp(sum / weights));
    }

    private static double days(Instant from, Instant to) {
        return Duration.between(from, to).getSeconds() / SECONDS_PER_DAY;
    }

    static double clamp(double value) {
        return Math.max(0.0, Math.min(1.0, value));
    }

    static double round(double value) {
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).doubleValue();
    }
}

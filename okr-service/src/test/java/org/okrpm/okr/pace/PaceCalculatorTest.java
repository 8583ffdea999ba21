package org.okrpm.okr.pace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.okrpm.okr.pace.PaceCalculator.Sample;
import org.okrpm.okr.pace.PaceCalculator.Thresholds;
import org.okrpm.okr.pace.PaceCalculator.WeightedExpectation;

/** The pace rules of docs/api.md as tables. */
class PaceCalculatorTest {

    /** The defaults of PaceConfig. */
    private static final Thresholds DEFAULTS = new Thresholds(0.1, 0.25, 0.5, 0.25);
    private static final Instant DAY_0 = Instant.parse("2026-10-01T00:00:00Z");

    @ParameterizedTest(name = "{0} → {1} at {2}: {3}")
    @CsvSource({
            // start,   due,        now,                  expected
            "2026-10-01, 2026-12-31, 2026-09-15T00:00:00Z, 0.0",     // before the start
            "2026-10-01, 2026-12-31, 2026-10-01T00:00:00Z, 0.0",     // the first moment
            "2026-10-01, 2026-12-31, 2026-11-16T00:00:00Z, 0.5",     // 46 of 92 days
            "2026-10-01, 2026-12-31, 2026-10-24T00:00:00Z, 0.25",    // 23 of 92 days
            "2026-10-01, 2026-12-31, 2026-12-31T12:00:00Z, 0.9946",  // the due day counts to its end
            "2026-10-01, 2026-12-31, 2027-01-01T00:00:00Z, 1.0",     // due
            "2026-10-01, 2026-12-31, 2027-03-01T00:00:00Z, 1.0",     // clamped after
            "2026-10-01, 2026-10-10, 2026-10-06T00:00:00Z, 0.5",     // an earlier due date: 5 of 10 days
            "2026-10-01, 2026-09-20, 2026-09-25T00:00:00Z, 0.0",     // due before the start: nothing until it
            "2026-10-01, 2026-09-20, 2026-10-05T00:00:00Z, 1.0",     // ... and everything after
    })
    void expectedProgressIsTheLinearPaceClamped(LocalDate start, LocalDate due, Instant now, double expected) {
        assertEquals(expected, PaceCalculator.expectedProgress(start, due, now));
    }

    @ParameterizedTest(name = "progress {0}, expected {1}, confidence {2}: {3}")
    @CsvSource({
            // progress, expected, confidence, status
            "1.0,  0.5,  ,     DONE",          // reached, whatever else
            "1.0,  0.9,  0.1,  DONE",
            "0.0,  0.0,  ,     NOT_STARTED",   // nothing done, nothing expected yet
            "0.0,  0.09, ,     NOT_STARTED",   // nothing done, less than the at-risk gap expected
            "0.0,  0.09, 0.5,  NOT_STARTED",   // confident enough
            "0.0,  0.1,  ,     AT_RISK",       // nothing done while 0.1 is expected
            "0.0,  0.05, 0.4,  AT_RISK",       // not started, but doubtful
            "0.0,  0.0,  0.2,  OFF_TRACK",     // not started, and hopeless
            "0.0,  0.5,  ,     OFF_TRACK",
            "0.2,  0.0,  ,     ON_TRACK",      // ahead before the start
            "0.5,  0.5,  ,     ON_TRACK",
            "0.8,  0.5,  ,     ON_TRACK",      // ahead
            "0.41, 0.5,  ,     ON_TRACK",      // gap 0.09
            "0.4,  0.5,  ,     AT_RISK",       // gap 0.1
            "0.26, 0.5,  0.9,  AT_RISK",       // gap 0.24: confidence does not make it better
            "0.25, 0.5,  ,     OFF_TRACK",     // gap 0.25
            "0.6,  0.5,  0.5,  ON_TRACK",      // confidence at the threshold is fine
            "0.6,  0.5,  0.49, AT_RISK",       // ahead, but doubtful
            "0.6,  0.5,  0.25, AT_RISK",
            "0.6,  0.5,  0.24, OFF_TRACK",     // ahead, but hopeless
            "0.3,  0.5,  0.3,  AT_RISK",       // both say at risk
            "0.3,  0.5,  0.1,  OFF_TRACK",     // the worse signal wins
    })
    void statusIsTheWorseOfGapAndConfidence(double progress, double expected, Double confidence, PaceStatus status) {
        assertEquals(status, PaceCalculator.status(progress, expected, confidence, DEFAULTS));
    }

    @ParameterizedTest(name = "gap thresholds {0}/{1}: progress 0.3 of 0.5 is {2}")
    @CsvSource({
            "0.1,  0.25, AT_RISK",
            "0.25, 0.5,  ON_TRACK",
            "0.05, 0.2,  OFF_TRACK",
    })
    void thresholdsAreConfigurable(double atRisk, double offTrack, PaceStatus status) {
        assertEquals(status, PaceCalculator.status(0.3, 0.5, null, new Thresholds(atRisk, offTrack, 0.5, 0.25)));
    }

    @ParameterizedTest(name = "samples {0}, due day {1}: {2}")
    @CsvSource({
            // samples as day:progress, due on day, forecast
            "'',                    40, ",        // no history
            "0:0.1,                 40, ",        // one point
            "0:0.0 0.5:0.3,         40, ",        // less than a day
            "0:0.0 10:0.2,          40, 0.8",     // 0.02 a day, 30 days left
            "0:0.0 5:0.1 10:0.2,    40, 0.8",     // the same on three points
            "0:0.3 10:0.3,          40, 0.3",     // flat
            "0:0.0 10:0.5,          40, 1.0",     // would overshoot: clamped
            "0:0.5 10:0.3,          40, 0.0",     // going backwards: clamped
            "0:0.0 10:0.2,          10, 0.2",     // due now: what there is
            "0:0.0 10:0.2,           5, 0.2",     // overdue: what there is
            "0:0.0 1:0.0 9:0.2 10:0.2, 40, 0.8585", // least squares (1.8 / 82 a day), not first/last (0.8)
    })
    void forecastProjectsTheVelocityToTheDueDate(String samples, double dueDay, Double forecast) {
        List<Sample> points = samples.isBlank() ? List.of() : Arrays.stream(samples.trim().split("\\s+"))
                .map(p -> p.split(":"))
                .map(p -> new Sample(day(Double.parseDouble(p[0])), Double.parseDouble(p[1]))).toList();
        Double actual = PaceCalculator.forecast(points, day(dueDay));
        if (forecast == null) {
            assertNull(actual);
        } else {
            assertEquals(forecast, actual);
        }
    }

    @ParameterizedTest(name = "before {0}, within {1}, now {2}: {3}")
    @CsvSource({
            // before (progress or empty), within as day:progress, progress now, samples as day:progress
            ",    '',          0.0, 14:0.0",                 // nothing: just now
            "0.1, '',          0.1, 0:0.1 14:0.1",           // unchanged for the whole window
            ",    3:0.0 8:0.2, 0.2, 3:0.0 8:0.2 14:0.2",     // created within the window
            "0.1, 5:0.3,       0.3, 0:0.1 5:0.3 14:0.3",
            "0.1, 14:0.3,      0.3, 0:0.1 14:0.3",           // a change right now is the point of now
    })
    void theForecastWindowCarriesTheProgressIntoItAndEndsNow(Double before, String within, double now,
                                                           String expected) {
        Instant windowStart = day(0);
        List<Sample> actual = PaceCalculator.window(before == null ? null : new Sample(day(-3), before),
                parse(within), now, windowStart, day(14));
        assertEquals(parse(expected), actual);
    }

    @ParameterizedTest(name = "key results {0} at day {1}: {2}")
    @CsvSource({
            // key results as weight:due date, now (days after 2026-10-01), expected
            "'',            46, 0.5",    // without key results the cycle's pace (2026-10-01..12-31)
            "1:2026-12-31,  46, 0.5",
            "1:2026-11-15 1:2026-12-31, 46, 0.75",   // one due (1.0), one half way (0.5)
            "3:2026-11-15 1:2026-12-31, 46, 0.875",  // weighted
    })
    void anObjectiveExpectsTheWeightedMeanOfItsKeyResults(String keyResults, int day, double expected) {
        LocalDate start = LocalDate.parse("2026-10-01");
        LocalDate end = LocalDate.parse("2026-12-31");
        Instant now = day(day);
        List<WeightedExpectation> parts = keyResults.isBlank() ? List.of()
                : Arrays.stream(keyResults.trim().split("\\s+")).map(p -> p.split(":"))
                .map(p -> new WeightedExpectation(Double.parseDouble(p[0]),
                        PaceCalculator.expectedProgress(start, LocalDate.parse(p[1]), now))).toList();
        assertEquals(expected, PaceCalculator.objectiveExpected(parts, start, end, now));
    }

    private static List<Sample> parse(String samples) {
        return samples.isBlank() ? List.of() : Arrays.stream(samples.trim().split("\\s+")).map(p -> p.split(":"))
                .map(p -> new Sample(day(Double.parseDouble(p[0])), Double.parseDouble(p[1]))).toList();
    }

    private static Instant day(double day) {
        return DAY_0.plus(Duration.ofSeconds(Math.round(day * 86_400)));
    }
}

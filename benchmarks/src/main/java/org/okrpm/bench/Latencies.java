package org.okrpm.bench;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** Latencies recorded in microseconds (HdrHistogram, 3 significant digits, up to a minute), thread-safe. */
final class Latencies {

    private final Recorder recorder = new Recorder(TimeUnit.MINUTES.toMicros(1), 3);
    private Histogram total;

    void recordNanos(long nanos) {
        recorder.recordValue(Math.min(TimeUnit.NANOSECONDS.toMicros(nanos), TimeUnit.MINUTES.toMicros(1)));
    }

    /** Everything recorded so far. */
    synchronized Histogram histogram() {
        Histogram interval = recorder.getIntervalHistogram();
        if (total == null) {
            total = interval.copy();
        } else {
            total.add(interval);
        }
        return total;
    }

    /** One line of numbers: count, p50/p90/p99/max in milliseconds. */
    synchronized Summary summary() {
        Histogram h = histogram();
        return new Summary(h.getTotalCount(), ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(90)),
                ms(h.getValueAtPercentile(99)), ms(h.getMaxValue()));
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }

    record Summary(long count, double p50, double p90, double p99, double max) {

        String cells() {
            return String.format("%d | %.2f | %.2f | %.2f | %.2f", count, p50, p90, p99, max);
        }
    }
}

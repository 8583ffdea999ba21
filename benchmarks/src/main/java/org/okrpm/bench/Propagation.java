package org.okrpm.bench;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Task PATCH to DONE → the linked key result's progress, one completion at a time at a steady rate: when the
 * PATCH answered, when the progress change arrives on the live stream, and (with {@code pollGet}) when a GET
 * through the gateway first shows the new progress, polled every {@link #POLL_MICROS} µs. Polling costs CPU
 * the pipeline shares on a small machine, so a run without it shows the stream's latency undisturbed. Each
 * is measured from just before the PATCH was sent.
 */
final class Propagation {

    static final long POLL_MICROS = 1000;

    record Result(Latencies patch, Latencies visibleOnGet, Latencies onStream, List<Latencies> stages, int late,
                  double seconds) {
    }

    private Propagation() {
    }

    static Result run(Api api, ProgressStreamClient stream, PipelineTrace trace,
                      List<Fixture.LinkedKeyResult> keyResults, int completions, double perSecond, boolean pollGet) {
        List<Latencies> stages = PipelineTrace.STAGES.stream().map(stage -> new Latencies()).toList();
        Latencies patch = new Latencies();
        Latencies visible = new Latencies();
        Latencies onStream = new Latencies();
        int[] done = new int[keyResults.size()];
        long period = (long) (TimeUnit.SECONDS.toNanos(1) / perSecond);
        int late = 0;
        long start = System.nanoTime();
        for (int i = 0; i < completions; i++) {
            int k = i % keyResults.size();
            Fixture.LinkedKeyResult kr = keyResults.get(k);
            String taskId = kr.taskIds().get(done[k]++);
            ProgressMath expected = ProgressMath.of(done[k], kr.taskIds().size());
            long due = start + i * period;
            if (System.nanoTime() > due) {
                late++;
            }
            LockSupport.parkNanos(due - System.nanoTime());
            var arrival = stream.arrivalOf(kr.id(), expected.progress());
            var rollupEvent = trace.rollupOf(taskId);
            var keyResultEvent = trace.keyResultProgress(kr.id(), expected.progress());

            Instant sentAt = Instant.now();
            long sent = System.nanoTime();
            api.patch("/api/v1/tasks/" + taskId, Map.of("status", "DONE"));
            patch.recordNanos(System.nanoTime() - sent);
            long visibleAt = 0;
            if (pollGet) {
                while (!expected.matches(api.get("/api/v1/key-results/" + kr.id()))) {
                    LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(POLL_MICROS));
                }
                visibleAt = System.nanoTime();
                visible.recordNanos(visibleAt - sent);
            }
            try {
                long arrived = arrival.get(30, TimeUnit.SECONDS);
                onStream.recordNanos(arrived - sent);
                double sentMillis = sentAt.toEpochMilli() + (sentAt.getNano() % 1_000_000) / 1e6;
                PipelineTrace.Stamp rollup = rollupEvent.get(30, TimeUnit.SECONDS);
                PipelineTrace.Stamp progress = keyResultEvent.get(30, TimeUnit.SECONDS);
                double[] chain = {sentMillis, rollup.writtenMillis(), rollup.sentMillis(), progress.writtenMillis(),
                        progress.sentMillis(), sentMillis + (arrived - sent) / 1e6};
                for (int s = 0; s < chain.length - 1; s++) {
                    record(stages.get(s), chain[s + 1] - chain[s]);
                }
                record(stages.get(PipelineTrace.PLAIN_CONSUMER), progress.receivedMillis() - progress.sentMillis());
                if (pollGet) {
                    record(stages.get(PipelineTrace.VISIBLE_ON_GET),
                            sentMillis + (visibleAt - sent) / 1e6 - progress.sentMillis());
                }
            } catch (Exception e) {
                throw new IllegalStateException("Progress " + expected + " of " + kr.id() + " never reached the stream", e);
            }
        }
        return new Result(patch, visible, onStream, stages, late, (System.nanoTime() - start) / 1e9);
    }

    /** Clock readings in milliseconds can be a fraction of a millisecond out of order: such a stage counts as 0. */
    private static void record(Latencies stage, double millis) {
        stage.recordNanos((long) Math.max(0, millis * 1e6));
    }
}

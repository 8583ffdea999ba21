package org.okrpm.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Many task changes at once, spread over many key results, and how fast the system drains them: every key
 * result's final progress must be exact (a lost or doubled event would show). Two runs over the same tasks:
 * <ul>
 *   <li>live: every task completed through the gateway as fast as {@code parallelism} clients can, while
 *       okr-service consumes;</li>
 *   <li>catch-up: okr-service stopped, every task reopened, okr-service started again: its consumer drains
 *       the backlog alone, which is the event pipeline's own rate without HTTP ingest in the way.</li>
 * </ul>
 */
final class Burst {

    /**
     * One run. Live: changes sent from {@code start}, {@code ingested} when the last PATCH was answered. Catch-up:
     * okr-service started at {@code start}, ready at {@code ingested}. {@code drained}: the last key result's
     * final progress arrived on the stream. All in seconds from {@code start}.
     */
    record Result(int events, int keyResults, double ingestSeconds, double drainedSeconds, int exact) {

        double eventsPerSecond() {
            return events / drainedSeconds;
        }

        double ingestPerSecond() {
            return events / ingestSeconds;
        }

        /** Catch-up: from okr-service's readiness, its boot left out. */
        double eventsPerSecondAfterIngest() {
            return events / (drainedSeconds - ingestSeconds);
        }
    }

    /** Starts and stops okr-service for the catch-up run. */
    interface OkrServiceControl {
        void stop();

        void start();
    }

    private Burst() {
    }

    static Result live(Api api, ProgressStreamClient stream, List<Fixture.LinkedKeyResult> keyResults, int parallelism)
            throws Exception {
        long start = System.nanoTime();
        long ingested = changeAll(api, keyResults, "DONE", parallelism);
        long drained = awaitProgress(stream, keyResults, 1.0, Duration.ofMinutes(10));
        return result(api, keyResults, 1.0, start, ingested, drained);
    }

    static Result catchUp(Api api, ProgressStreamClient stream, List<Fixture.LinkedKeyResult> keyResults,
                          int parallelism, OkrServiceControl okrService) throws Exception {
        okrService.stop();
        long ingestStart = System.nanoTime();
        long ingested = changeAll(api, keyResults, "TODO", parallelism);
        System.out.printf("  %d reopenings sent while okr-service was down, in %.1f s%n", count(keyResults),
                (ingested - ingestStart) / 1e9);
        long start = System.nanoTime();
        okrService.start();
        long ready = System.nanoTime();
        long drained = awaitProgress(stream, keyResults, 0.0, Duration.ofMinutes(10));
        return result(api, keyResults, 0.0, start, ready, drained);
    }

    private static Result result(Api api, List<Fixture.LinkedKeyResult> keyResults, double expected, long start,
                                 long ingested, long drained) {
        int exact = 0;
        for (Fixture.LinkedKeyResult kr : keyResults) {
            if (api.get("/api/v1/key-results/" + kr.id()).get("progress").asDouble() == expected) {
                exact++;
            }
        }
        return new Result(count(keyResults), keyResults.size(), (ingested - start) / 1e9, (drained - start) / 1e9,
                exact);
    }

    /** Sends every task's change, interleaved over the key results; returns when the last one was answered. */
    private static long changeAll(Api api, List<Fixture.LinkedKeyResult> keyResults, String status, int parallelism)
            throws Exception {
        List<String> interleaved = new ArrayList<>();
        int longest = keyResults.stream().mapToInt(kr -> kr.taskIds().size()).max().orElse(0);
        for (int t = 0; t < longest; t++) {
            for (Fixture.LinkedKeyResult kr : keyResults) {
                if (t < kr.taskIds().size()) {
                    interleaved.add(kr.taskIds().get(t));
                }
            }
        }
        ExecutorService clients = Executors.newFixedThreadPool(parallelism);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (String taskId : interleaved) {
                sent.add(clients.submit(() -> api.patch("/api/v1/tasks/" + taskId, Map.of("status", status))));
            }
            for (Future<?> future : sent) {
                future.get();
            }
            return System.nanoTime();
        } finally {
            clients.shutdownNow();
        }
    }

    /** Waits until the stream announced {@code progress} for every key result; returns when the last one came. */
    private static long awaitProgress(ProgressStreamClient stream, List<Fixture.LinkedKeyResult> keyResults,
                                      double progress, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long pending = keyResults.stream().filter(kr -> !Double.valueOf(progress).equals(stream.latestProgress(kr.id())))
                    .count();
            if (pending == 0) {
                return keyResults.stream().mapToLong(kr -> stream.latestAt(kr.id())).max().orElseThrow();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(pending + " key results never reached progress " + progress);
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    private static int count(List<Fixture.LinkedKeyResult> keyResults) {
        return keyResults.stream().mapToInt(kr -> kr.taskIds().size()).sum();
    }
}

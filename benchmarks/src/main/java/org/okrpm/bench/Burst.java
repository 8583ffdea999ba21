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
 * result's final progress and currentValue must be exact (a lost, doubled or stale rollup would show). Three
 * runs over the same tasks, in this order:
 * <ul>
 *   <li>live: every task completed with its own {@code PATCH} through the gateway, as fast as
 *       {@code parallelism} clients can, while okr-service consumes (the old way of changing many tasks; kept
 *       for comparison);</li>
 *   <li>catch-up: okr-service stopped, every task reopened with {@code POST /api/v1/tasks/bulk}, okr-service
 *       started again: its consumer drains the backlog of rollups alone, which is the event pipeline's own rate
 *       without HTTP ingest in the way;</li>
 *   <li>bulk: every task completed with {@code POST /api/v1/tasks/bulk} through the gateway, batch after batch,
 *       while okr-service consumes: end to end, from the first request sent to the last key result exact.</li>
 * </ul>
 * Changes are interleaved over the key results (change i touches key result i mod n), so every bulk batch
 * touches every key result: the producer's per-transaction coalescing gets no help from the order.
 */
final class Burst {

    static final String ROLLUPS = "project.key-result-work";
    private static final Duration DRAINED_WITHIN = Duration.ofMinutes(10);

    /**
     * One run; times in seconds from {@code start} (live, bulk: the first request sent; catch-up: okr-service
     * launched). {@code sendSeconds}: sending every change took this long (catch-up: while okr-service was down,
     * before its start). {@code readySeconds}: catch-up only, okr-service ready (0 otherwise). {@code
     * firstChangeSeconds}, {@code drainedSeconds}: the first progress change and the last key result's final
     * (exact) progress arrived on the stream. {@code rollups}: records on project.key-result-work that okr-service
     * had to read for the run (catch-up: its backlog); {@code progressChanges}: progress-changed
     * frames on the stream during the run. {@code exact}: key results whose GET showed the exact final progress
     * and currentValue.
     */
    record Result(int changes, int keyResults, double sendSeconds, double readySeconds, double firstChangeSeconds,
                  double drainedSeconds, long rollups, int progressChanges, int exact) {

        /** Task changes per second from the start (live, bulk) or from okr-service ready (catch-up). */
        double changesPerSecond() {
            return changes / (drainedSeconds - readySeconds);
        }

        /** Task changes per second from the first progress change on the stream to the last. */
        double changesPerSecondOfDrain() {
            return changes / (drainedSeconds - firstChangeSeconds);
        }

        double sendPerSecond() {
            return changes / sendSeconds;
        }
    }

    /** Starts and stops okr-service for the catch-up run. */
    interface OkrServiceControl {
        void stop();

        void start();
    }

    private Burst() {
    }

    static Result live(Api api, ProgressStreamClient stream, String kafka, List<Fixture.LinkedKeyResult> keyResults,
                       int parallelism) throws Exception {
        long rollupsBefore = ConsumerLag.written(kafka, ROLLUPS);
        long start = System.nanoTime();
        long sent = patchAll(api, interleaved(keyResults), "DONE", parallelism);
        long drained = awaitExact(stream, keyResults, true);
        return result(api, stream, keyResults, true, start, sent - start, start, drained,
                ConsumerLag.written(kafka, ROLLUPS) - rollupsBefore);
    }

    static Result bulk(Api api, ProgressStreamClient stream, String kafka, List<Fixture.LinkedKeyResult> keyResults,
                       int batchSize) throws Exception {
        long rollupsBefore = ConsumerLag.written(kafka, ROLLUPS);
        long start = System.nanoTime();
        long sent = bulkAll(api, interleaved(keyResults), "DONE", batchSize);
        long drained = awaitExact(stream, keyResults, true);
        return result(api, stream, keyResults, true, start, sent - start, start, drained,
                ConsumerLag.written(kafka, ROLLUPS) - rollupsBefore);
    }

    static Result catchUp(Api api, ProgressStreamClient stream, String kafka, List<Fixture.LinkedKeyResult> keyResults,
                          int batchSize, OkrServiceControl okrService) throws Exception {
        okrService.stop();
        long leftOver = ConsumerLag.lag(kafka, "okr-service", ROLLUPS);
        long rollupsBefore = ConsumerLag.written(kafka, ROLLUPS);
        long sendStart = System.nanoTime();
        long sent = bulkAll(api, interleaved(keyResults), "TODO", batchSize);
        System.out.printf("  %d reopenings sent in bulk while okr-service was down, in %.1f s%n", count(keyResults),
                (sent - sendStart) / 1e9);
        long start = System.nanoTime();
        okrService.start();
        long ready = System.nanoTime();
        long drained = awaitExact(stream, keyResults, false);
        // its backlog: what it had not committed when stopped, and every rollup the reopenings produced (the
        // outbox relay may still have been sending the last ones when okr-service started)
        return result(api, stream, keyResults, false, start, sent - sendStart, ready, drained,
                leftOver + ConsumerLag.written(kafka, ROLLUPS) - rollupsBefore);
    }

    private static Result result(Api api, ProgressStreamClient stream, List<Fixture.LinkedKeyResult> keyResults,
                                 boolean done, long start, long sendNanos, long ready, long drained, long rollups) {
        int exact = 0;
        for (Fixture.LinkedKeyResult kr : keyResults) {
            if (expected(kr, done).matches(api.get("/api/v1/key-results/" + kr.id()))) {
                exact++;
            }
        }
        long first = stream.firstFrameFrom(start);
        return new Result(count(keyResults), keyResults.size(), sendNanos / 1e9, (ready - start) / 1e9,
                (first - start) / 1e9, (drained - start) / 1e9, rollups, stream.framesBetween(start, drained), exact);
    }

    /** Every task of every key result, interleaved: the first task of each key result, then the second, … */
    private static List<String> interleaved(List<Fixture.LinkedKeyResult> keyResults) {
        List<String> interleaved = new ArrayList<>();
        int longest = keyResults.stream().mapToInt(kr -> kr.taskIds().size()).max().orElse(0);
        for (int t = 0; t < longest; t++) {
            for (Fixture.LinkedKeyResult kr : keyResults) {
                if (t < kr.taskIds().size()) {
                    interleaved.add(kr.taskIds().get(t));
                }
            }
        }
        return interleaved;
    }

    /** One PATCH per task, {@code parallelism} at a time; returns when the last one was answered. */
    private static long patchAll(Api api, List<String> taskIds, String status, int parallelism) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(parallelism);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (String taskId : taskIds) {
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

    /**
     * {@code POST /api/v1/tasks/bulk} with {@code batchSize} changes each, one request after the other (each
     * locks the projects of its tasks, and interleaved batches share them all); returns when the last was answered.
     */
    private static long bulkAll(Api api, List<String> taskIds, String status, int batchSize) {
        for (int from = 0; from < taskIds.size(); from += batchSize) {
            List<Map<String, String>> changes = taskIds.subList(from, Math.min(taskIds.size(), from + batchSize))
                    .stream().map(id -> Map.of("id", id, "status", status)).toList();
            int answered = api.post("/api/v1/tasks/bulk", Map.of("changes", changes), 200).get("tasks").size();
            if (answered != changes.size()) {
                throw new IllegalStateException("A bulk change of " + changes.size() + " tasks answered " + answered);
            }
        }
        return System.nanoTime();
    }

    private static ProgressMath expected(Fixture.LinkedKeyResult kr, boolean done) {
        return ProgressMath.of(done ? kr.taskIds().size() : 0, kr.taskIds().size());
    }

    /** Waits until the stream announced the exact final progress of every key result; returns when the last came. */
    private static long awaitExact(ProgressStreamClient stream, List<Fixture.LinkedKeyResult> keyResults, boolean done)
            throws InterruptedException {
        long deadline = System.nanoTime() + DRAINED_WITHIN.toNanos();
        while (true) {
            long pending = keyResults.stream().filter(kr -> !stream.shows(kr.id(), expected(kr, done))).count();
            if (pending == 0) {
                return keyResults.stream().mapToLong(kr -> stream.latestAt(kr.id())).max().orElseThrow();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(pending + " key results never reached their exact final progress");
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    private static int count(List<Fixture.LinkedKeyResult> keyResults) {
        return keyResults.stream().mapToInt(kr -> kr.taskIds().size()).sum();
    }
}

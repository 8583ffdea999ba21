package org.okrpm.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A client of the gateway's live stream ({@code /api/v1/stream}), as a dashboard would hold one open: notes
 * when each key result's progress change arrives, so a benchmark can tell when a change became visible there.
 */
final class ProgressStreamClient implements AutoCloseable {

    private final Map<String, CompletableFuture<Long>> arrivals = new ConcurrentHashMap<>();
    private final Map<String, Double> latestProgress = new ConcurrentHashMap<>();
    private final Map<String, BigDecimal> latestValue = new ConcurrentHashMap<>();
    private final Map<String, Long> latestAt = new ConcurrentHashMap<>();
    /** The {@link System#nanoTime()} of every key-result progress frame, in arrival order. */
    private final List<Long> frames = new ArrayList<>();
    private final CountDownLatch connected = new CountDownLatch(1);
    private final Thread reader;
    private volatile Stream<String> lines;

    ProgressStreamClient(Api api) throws InterruptedException {
        reader = new Thread(() -> read(api), "progress-stream");
        reader.setDaemon(true);
        reader.start();
        if (!connected.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("The progress stream did not answer");
        }
    }

    /** Completes with the {@link System#nanoTime()} at which the key result's progress reached {@code progress}. */
    CompletableFuture<Long> arrivalOf(String keyResultId, double progress) {
        return arrivals.computeIfAbsent(key(keyResultId, progress), k -> new CompletableFuture<>());
    }

    /** The last progress the stream announced for a key result. */
    Double latestProgress(String keyResultId) {
        return latestProgress.get(keyResultId);
    }

    /** Whether the last progress change announced for a key result shows {@code expected}. */
    boolean shows(String keyResultId, ProgressMath expected) {
        return expected.matches(latestProgress.get(keyResultId), latestValue.get(keyResultId));
    }

    /** How many key-result progress changes arrived in [{@code from}, {@code to}] (nanoTime). */
    synchronized int framesBetween(long from, long to) {
        return (int) frames.stream().filter(t -> t >= from && t <= to).count();
    }

    /** When the first key-result progress change at or after {@code from} (nanoTime) arrived; 0 if none. */
    synchronized long firstFrameFrom(long from) {
        return frames.stream().filter(t -> t >= from).findFirst().orElse(0L);
    }

    private synchronized void frame(long at) {
        frames.add(at);
    }

    /** The {@link System#nanoTime()} of the last progress change announced for a key result. */
    long latestAt(String keyResultId) {
        return latestAt.getOrDefault(keyResultId, 0L);
    }

    private void read(Api api) {
        try {
            HttpResponse<Stream<String>> response = api.http().send(
                    api.request("/api/v1/stream").header("Accept", "text/event-stream").timeout(java.time.Duration.ofDays(1))
                            .GET().build(),
                    HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("The stream answered " + response.statusCode());
            }
            lines = response.body();
            String event = null;
            for (String line : (Iterable<String>) lines::iterator) {
                connected.countDown();
                if (line.startsWith("event: ")) {
                    event = line.substring(7);
                } else if (line.startsWith("data: ") && "key-result.progress-changed".equals(event)) {
                    long now = System.nanoTime();
                    JsonNode snapshot = Api.JSON.readTree(line.substring(6));
                    String id = snapshot.get("id").asText();
                    double progress = snapshot.get("progress").asDouble();
                    latestAt.put(id, now);
                    latestValue.put(id, new BigDecimal(snapshot.get("currentValue").asText()));
                    latestProgress.put(id, progress);
                    frame(now);
                    arrivalOf(id, progress).complete(now);
                } else if (line.isEmpty()) {
                    event = null;
                }
            }
        } catch (Exception e) {
            if (lines != null) {
                System.err.println("progress stream ended: " + e.getMessage());
            }
        }
    }

    private static String key(String keyResultId, double progress) {
        return keyResultId + "@" + String.format(Locale.ROOT, "%.4f", progress);
    }

    @Override
    public void close() {
        Stream<String> open = lines;
        lines = null;
        if (open != null) {
            open.close();
        }
        reader.interrupt();
    }
}

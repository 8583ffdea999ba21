package org.okrpm.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

/**
 * Where the propagation time goes, read off the events themselves: {@code ce_time} is when a service wrote the
 * event in its transaction, the Kafka record timestamp is when its outbox relay handed it to the producer. A
 * completion's path is then: PATCH sent → key result's work rollup written (project-service, in the task's
 * transaction) → rollup sent (its relay) → key-result event written (okr-service consumed and applied it) →
 * key-result event sent (its relay) → arrival on the SSE stream. All clocks are this machine's wall clock
 * (millisecond records).
 */
final class PipelineTrace implements AutoCloseable {

    /** When an event was written (ce_time), sent (record timestamp) and read here, epoch milliseconds. */
    record Stamp(double writtenMillis, long sentMillis, long receivedMillis) {
    }

    static final List<String> STAGES = List.of(
            "project-service: PATCH received, work rollup written",
            "project-service outbox relay: commit → rollup sent",
            "broker → okr-service consumer → key result updated, event written",
            "okr-service outbox relay: commit → event sent",
            "broker → gateway consumer → SSE frame received",
            "(for comparison) key-result event sent → read by a plain consumer",
            "(for comparison) key-result event sent → visible on GET");
    /** Where the two comparisons stand in {@link #STAGES}, after the chain from the PATCH to the stream. */
    static final int PLAIN_CONSUMER = 5;
    static final int VISIBLE_ON_GET = 6;

    private final Map<String, CompletableFuture<Stamp>> stamps = new ConcurrentHashMap<>();
    private final Thread reader;
    private volatile boolean running = true;

    PipelineTrace(String bootstrapServers) throws InterruptedException {
        CountDownLatch positioned = new CountDownLatch(1);
        reader = new Thread(() -> read(bootstrapServers, positioned), "pipeline-trace");
        reader.setDaemon(true);
        reader.start();
        if (!positioned.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("The trace consumer did not reach the broker");
        }
    }

    /** The first rollup that names {@code taskId} among the changes it stands for. */
    CompletableFuture<Stamp> rollupOf(String taskId) {
        return stamps.computeIfAbsent("task:" + taskId, k -> new CompletableFuture<>());
    }

    CompletableFuture<Stamp> keyResultProgress(String keyResultId, double progress) {
        return stamps.computeIfAbsent(String.format(Locale.ROOT, "kr:%s@%.4f", keyResultId, progress),
                k -> new CompletableFuture<>());
    }

    private void read(String bootstrapServers, CountDownLatch positioned) {
        try (KafkaConsumer<String, String> consumer = PlainConsumer.create(bootstrapServers)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of("project.key-result-work", "okr.key-results")) {
                consumer.partitionsFor(topic, Duration.ofSeconds(30))
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            PlainConsumer.readFromEnd(consumer, partitions);
            positioned.countDown();
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    note(record);
                }
            }
        } catch (Exception e) {
            if (running) {
                System.err.println("pipeline trace stopped: " + e.getMessage());
            }
        }
    }

    private void note(ConsumerRecord<String, String> record) throws Exception {
        String type = header(record, "ce_type");
        String time = header(record, "ce_time");
        if (type == null || time == null) {
            return;
        }
        Instant written = Instant.parse(time);
        Stamp stamp = new Stamp(written.toEpochMilli() + (written.getNano() % 1_000_000) / 1e6, record.timestamp(),
                System.currentTimeMillis());
        if (type.equals("project.key-result-work.changed")) {
            for (var taskId : Api.JSON.readTree(record.value()).path("changedTaskIds")) {
                rollupOf(taskId.asText()).complete(stamp);
            }
        } else if (type.equals("okr.key-result.progress-changed")) {
            double progress = Api.JSON.readTree(record.value()).get("progress").asDouble();
            keyResultProgress(record.key(), progress).complete(stamp);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        running = false;
    }
}

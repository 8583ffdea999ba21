package org.okrpm.bench;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** How far a service's consumer group is behind on a topic, read from the broker like an operator would. */
final class ConsumerLag {

    private ConsumerLag() {
    }

    /** Waits until {@code group} has committed everything on {@code topic} (commits trail by a few seconds). */
    static void awaitCaughtUp(String bootstrapServers, String group, String topic, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            long lag;
            while ((lag = lag(admin, group, topic)) > 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(group + " is still " + lag + " records behind on " + topic);
                }
                TimeUnit.MILLISECONDS.sleep(250);
            }
        }
    }

    /** The records on {@code topic} that {@code group} has not committed yet: what it will read next. */
    static long lag(String bootstrapServers, String group, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            return lag(admin, group, topic);
        }
    }

    /** The records ever written to {@code topic}, all partitions: the difference of two readings is what came. */
    static long written(String bootstrapServers, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            return ends(admin, topic).values().stream().mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset)
                    .sum();
        }
    }

    private static long lag(Admin admin, String group, String topic) throws Exception {
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = ends(admin, topic);
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        long lag = 0;
        for (var end : ends.entrySet()) {
            OffsetAndMetadata done = committed.get(end.getKey());
            lag += end.getValue().offset() - (done == null ? 0 : done.offset());
        }
        return lag;
    }

    private static Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends(Admin admin, String topic)
            throws Exception {
        Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(java.util.List.of(topic)).allTopicNames().get()
                .get(topic).partitions().stream()
                .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get();
    }
}

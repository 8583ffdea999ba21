package org.okrpm.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.TopicPartition;

/** What the broker knows: which members of a consumer group read which topic, and what the *.dlq topics hold. */
final class KafkaChecks {

    private KafkaChecks() {
    }

    private static Admin admin(String bootstrap) {
        Properties props = new Properties();
        props.setProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.setProperty(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.setProperty(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        return Admin.create(props);
    }

    /** topic → ids of the group's members that have partitions of it assigned. */
    static Map<String, Set<String>> membersByTopic(String bootstrap, String group) throws Exception {
        try (Admin admin = admin(bootstrap)) {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all()
                    .get(10, TimeUnit.SECONDS).get(group);
            Map<String, Set<String>> byTopic = new TreeMap<>();
            for (MemberDescription member : description.members()) {
                for (TopicPartition partition : member.assignment().topicPartitions()) {
                    byTopic.computeIfAbsent(partition.topic(), t -> new TreeSet<>()).add(member.consumerId());
                }
            }
            return byTopic;
        }
    }

    /**
     * How far the group is behind: over the partitions its members have assigned or it has committed offsets for,
     * Σ (end offset − committed offset, or − earliest offset where nothing is committed). MAX_VALUE while the group
     * has neither.
     */
    static long lag(String bootstrap, String group) throws Exception {
        try (Admin admin = admin(bootstrap)) {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all()
                    .get(10, TimeUnit.SECONDS).get(group);
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            Set<TopicPartition> partitions = new HashSet<>(committed.keySet());
            description.members().forEach(member -> partitions.addAll(member.assignment().topicPartitions()));
            if (partitions.isEmpty()) {
                return Long.MAX_VALUE;
            }
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            partitions.forEach(partition -> {
                earliest.put(partition, OffsetSpec.earliest());
                latest.put(partition, OffsetSpec.latest());
            });
            var from = admin.listOffsets(earliest).all().get(10, TimeUnit.SECONDS);
            var to = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
            long lag = 0;
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata commit = committed.get(partition);
                long position = commit == null ? from.get(partition).offset() : commit.offset();
                lag += Math.max(0, to.get(partition).offset() - position);
            }
            return lag;
        }
    }

    /** Records in every topic named *.dlq (latest minus earliest offset, summed over partitions). */
    static Map<String, Long> deadLetterTopics(String bootstrap) throws Exception {
        try (Admin admin = admin(bootstrap)) {
            Set<String> dlq = admin.listTopics().names().get(10, TimeUnit.SECONDS).stream()
                    .filter(name -> name.endsWith(".dlq")).collect(Collectors.toCollection(TreeSet::new));
            Map<String, Long> records = new TreeMap<>();
            if (dlq.isEmpty()) {
                return records;
            }
            Map<String, TopicDescription> topics = admin.describeTopics(dlq).allTopicNames().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            topics.values().forEach(topic -> topic.partitions().forEach(p -> {
                TopicPartition partition = new TopicPartition(topic.name(), p.partition());
                earliest.put(partition, OffsetSpec.earliest());
                latest.put(partition, OffsetSpec.latest());
            }));
            var from = admin.listOffsets(earliest).all().get(10, TimeUnit.SECONDS);
            var to = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
            dlq.forEach(topic -> records.put(topic, 0L));
            to.forEach((partition, info) -> records.merge(partition.topic(),
                    info.offset() - from.get(partition).offset(), Long::sum));
            return records;
        }
    }

    /**
     * Up to {@code max} records of the given dead-letter topics: each value names the dead record's topic,
     * partition, offset, event and the reason (docs/events.md, Dead letters).
     */
    static List<String> deadLetterSamples(String bootstrap, Set<String> topics, int max) {
        Properties props = new Properties();
        props.setProperty(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.setProperty(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.setProperty(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.setProperty(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.setProperty(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> samples = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic, Duration.ofSeconds(10))
                        .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (samples.size() < max && System.nanoTime() < deadline
                    && partitions.stream().anyMatch(p -> consumer.position(p, Duration.ofSeconds(10)) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (samples.size() < max) {
                        String value = String.valueOf(record.value());
                        samples.add(record.topic() + " key " + record.key() + ": "
                                + (value.length() > 600 ? value.substring(0, 600) + "…" : value));
                    }
                }
            }
        }
        return samples;
    }
}

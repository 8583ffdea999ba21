package org.okrpm.kit.testapp;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.okrpm.kit.envelope.CloudEvents;

/** A plain Kafka client on the test broker: publish records, read a whole topic. */
public final class TestKafka {

    private TestKafka() {
    }

    /**
     * A record to publish: its key, value, {@code ce_id} (null: no CloudEvents headers) and W3C {@code traceparent}
     * (null: none).
     */
    public record Out(String key, String value, String eventId, String traceparent) {

        public Out(String key, String value, String eventId) {
            this(key, value, eventId, null);
        }
    }

    /** Publishes the records in one producer batch (one partition per key) and returns their positions. */
    public static List<RecordMetadata> publish(String topic, Out... records) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KitBrokerResource.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "50");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (Out out : records) {
                RecordHeaders headers = new RecordHeaders();
                if (out.eventId() != null) {
                    header(headers, CloudEvents.SPEC_VERSION, "1.0");
                    header(headers, CloudEvents.ID, out.eventId());
                    header(headers, CloudEvents.SOURCE, "/kit-test-client");
                    header(headers, CloudEvents.TYPE, "kit.test.happened");
                    header(headers, CloudEvents.SUBJECT, out.key());
                    header(headers, CloudEvents.CONTENT_TYPE, "application/json");
                }
                if (out.traceparent() != null) {
                    header(headers, CloudEvents.TRACEPARENT, out.traceparent());
                }
                sent.add(producer.send(new ProducerRecord<>(topic, null, out.key(), out.value(), headers)));
            }
            producer.flush();
            List<RecordMetadata> positions = new ArrayList<>();
            for (Future<RecordMetadata> ack : sent) {
                positions.add(ack.get(30, TimeUnit.SECONDS));
            }
            return positions;
        }
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Every record on the topic now (all partitions, from the beginning to the current end). */
    public static List<ConsumerRecord<String, String>> readAll(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KitBrokerResource.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "kit-test-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        List<ConsumerRecord<String, String>> all = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5));
            if (partitions == null || partitions.isEmpty()) {
                return all;
            }
            List<TopicPartition> assigned = partitions.stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> end = consumer.endOffsets(assigned, Duration.ofSeconds(5));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (assigned.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(all::add);
            }
        }
        return all;
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}

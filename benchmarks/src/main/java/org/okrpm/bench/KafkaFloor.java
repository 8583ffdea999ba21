package org.okrpm.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The floor under event propagation: one record produced and consumed on the same broker, with the outbox
 * relay's producer settings (acks=all, idempotent, no linger) and a consumer's default fetch settings, at the
 * same steady rate as the propagation run. Nothing the services do can be faster than this.
 */
final class KafkaFloor {

    private static final String TOPIC = "bench.floor";

    private KafkaFloor() {
    }

    static Latencies measure(String bootstrapServers, int samples, double perSecond) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            if (!admin.listTopics().names().get().contains(TOPIC)) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
        }
        Latencies latencies = new Latencies();
        TopicPartition partition = new TopicPartition(TOPIC, 0);
        CountDownLatch received = new CountDownLatch(samples);
        CountDownLatch assigned = new CountDownLatch(1);
        Thread consumerThread = new Thread(() -> {
            try (KafkaConsumer<String, String> consumer = PlainConsumer.create(bootstrapServers)) {
                PlainConsumer.readFromEnd(consumer, List.of(partition));
                assigned.countDown();
                while (received.getCount() > 0) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                        latencies.recordNanos(System.nanoTime() - Long.parseLong(record.value()));
                        received.countDown();
                    }
                }
            }
        }, "floor-consumer");
        consumerThread.setDaemon(true);
        consumerThread.start();
        if (!assigned.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("The floor consumer did not reach the broker");
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps(bootstrapServers))) {
            producer.send(new ProducerRecord<>(TOPIC, "warm-up", String.valueOf(System.nanoTime()))).get();
            long period = (long) (TimeUnit.SECONDS.toNanos(1) / perSecond);
            long start = System.nanoTime();
            for (int i = 0; i < samples; i++) {
                LockSupport.parkNanos(start + i * period - System.nanoTime());
                producer.send(new ProducerRecord<>(TOPIC, "key-" + (i % 10), String.valueOf(System.nanoTime())));
            }
        }
        if (!received.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("Floor records went missing: " + received.getCount() + " not consumed");
        }
        return latencies;
    }

    private static Properties producerProps(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return props;
    }
}

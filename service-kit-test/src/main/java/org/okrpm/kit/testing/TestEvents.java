package org.okrpm.kit.testing;

import static org.awaitility.Awaitility.await;

import io.quarkus.arc.Arc;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.okrpm.kit.events.ConsumedEvents;

/** A plain Kafka client on the test broker, as an outside producer or consumer would use it. */
public final class TestEvents {

    private static final Set<String> KNOWN_TOPICS = new HashSet<>();

    private TestEvents() {
    }

    /** Publishes a CloudEvents binary-mode record, as another service would; returns its ce_id. */
    public static String publish(String topic, String key, String type, String json) {
        return publish(topic, key, type, json, UUID.randomUUID().toString());
    }

    public static String publish(String topic, String key, String type, String json, String eventId) {
        ensureTopic(topic);
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestBroker.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, json);
            header(record, "ce_specversion", "1.0");
            header(record, "ce_id", eventId);
            header(record, "ce_source", "/test");
            header(record, "ce_type", type);
            header(record, "ce_subject", key);
            header(record, "content-type", "application/json");
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to " + topic, e);
        }
        return eventId;
    }

    /**
     * The test broker creates no topic by itself (as a production cluster): a test publishing what another
     * service would creates the topic as that service would have at its start (3 partitions, like the
     * declarations in docs/events.md). The service under test may already be subscribed; it picks the topic up.
     */
    private static synchronized void ensureTopic(String topic) {
        if (KNOWN_TOPICS.contains(topic)) {
            return;
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestBroker.bootstrapServers()))) {
            if (!admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(topic)) {
                admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Could not create " + topic, e);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not create " + topic, e);
        }
        KNOWN_TOPICS.add(topic);
    }

    /** A consumer that reads {@code topic} from the beginning, in a group of its own. */
    public static KafkaConsumer<String, String> reader(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestBroker.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    /** Waits until records matching {@code match} have arrived on {@code topic}, and returns all of those. */
    public static List<ConsumerRecord<String, String>> awaitRecords(String topic, Predicate<ConsumerRecord<String, String>> match,
                                                                     int atLeast) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = reader(topic)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (match.test(record)) {
                        found.add(record);
                    }
                });
                return found.size() >= atLeast;
            });
        }
        return found;
    }

    /** Waits until the service's consumer group {@code group} has applied the event {@code eventId}. */
    public static void awaitConsumed(String group, String eventId) {
        ConsumedEvents consumed = Arc.container().instance(ConsumedEvents.class).get();
        await().atMost(Duration.ofSeconds(30)).until(() -> consumed.wasConsumed(group, eventId));
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static Map<String, String> ceHeaders(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new java.util.TreeMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}

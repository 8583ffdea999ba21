package org.okrpm.kit.testapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.okrpm.kit.topics.KafkaTopics;
import org.okrpm.kit.topics.TopicDeclaration;
import org.okrpm.kit.topics.TopicReconciler;

/**
 * Topics as code, on the real broker, which creates no topic by itself: the test app's declared topics and its
 * consumer groups' dead-letter topics exist as declared because the kit created them at start-up; a missing
 * topic is created only when allowed, and an existing one that differs is reported, not changed.
 */
@QuarkusTest
class KafkaTopicsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Inject
    KafkaTopics topics;

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KitBrokerResource.bootstrapServers()));
    }

    private static TopicDescription describe(Admin admin, String topic) throws Exception {
        return admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic);
    }

    private static Config configOf(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource);
    }

    @Test
    void theDeclaredTopicsExistWithTheirPartitionsAndPolicies() throws Exception {
        try (Admin admin = admin()) {
            assertEquals(2, describe(admin, "kit.test.widgets").partitions().size());
            Config widgets = configOf(admin, "kit.test.widgets");
            assertEquals("compact", widgets.get("cleanup.policy").value(), "latest state per key: compacted");
            assertEquals("3600000", widgets.get("min.compaction.lag.ms").value(), "every record kept 1 h first");

            assertEquals(3, describe(admin, "kit.test.outbox").partitions().size());
            Config outbox = configOf(admin, "kit.test.outbox");
            assertEquals("delete", outbox.get("cleanup.policy").value());
            assertEquals("86400000", outbox.get("retention.ms").value());
            assertEquals("1", outbox.get("min.insync.replicas").value(), "never more than the replicas there are");
            assertEquals(1, describe(admin, "kit.test.outbox").partitions().get(0).replicas().size());
        }
    }

    @Test
    void eachConsumerGroupHasItsDeadLetterTopic() throws Exception {
        List<String> names = topics.declared().stream().map(TopicDeclaration::name).toList();
        assertTrue(names.containsAll(List.of("kit-test-events.dlq", "kit-test-batch.dlq")), names.toString());
        try (Admin admin = admin()) {
            assertEquals(1, describe(admin, "kit-test-events.dlq").partitions().size());
            assertEquals(String.valueOf(Duration.ofDays(30).toMillis()),
                    configOf(admin, "kit-test-batch.dlq").get("retention.ms").value());
        }
        assertTrue(topics.check(), "nothing left to create");
    }

    @Test
    void theBrokerCreatesNoTopicNobodyDeclared() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KitBrokerResource.bootstrapServers());
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "2000");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            ExecutionException failed = assertThrows(ExecutionException.class, () -> producer
                    .send(new ProducerRecord<>("kit.test.undeclared-" + UUID.randomUUID(), "k", "v")).get());
            assertTrue(failed.getCause() instanceof TimeoutException, failed.toString());
        }
    }

    @Test
    void aMissingTopicIsCreatedOnlyWhenAllowed() throws Exception {
        TopicDeclaration declared = declaration("kit.test.created-" + UUID.randomUUID(), 2, "compact");
        try (Admin admin = admin()) {
            TopicReconciler.Outcome notAllowed = TopicReconciler.reconcile(admin, List.of(declared), false, TIMEOUT);
            assertEquals(List.of(declared.name()), notAllowed.missing());
            assertTrue(notAllowed.created().isEmpty());

            TopicReconciler.Outcome allowed = TopicReconciler.reconcile(admin, List.of(declared), true, TIMEOUT);
            assertEquals(List.of(declared.name()), allowed.created());
            assertEquals(2, describe(admin, declared.name()).partitions().size());
            assertEquals("compact", configOf(admin, declared.name()).get("cleanup.policy").value());

            TopicReconciler.Outcome again = TopicReconciler.reconcile(admin, List.of(declared), true, TIMEOUT);
            assertTrue(again.created().isEmpty() && again.missing().isEmpty() && again.drift().isEmpty(),
                    again.toString());
        }
    }

    @Test
    void aTopicThatDiffersFromItsDeclarationIsReportedAndLeftAlone() throws Exception {
        String name = "kit.test.drifted-" + UUID.randomUUID();
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(name, 1, (short) 1))).all().get(10, TimeUnit.SECONDS);

            TopicReconciler.Outcome outcome = TopicReconciler.reconcile(admin,
                    List.of(declaration(name, 3, "compact")), true, TIMEOUT);

            assertTrue(outcome.drift().contains(name + ": 1 partitions, declared 3"), outcome.drift().toString());
            assertTrue(outcome.drift().contains(name + ": cleanup.policy=delete, declared compact"),
                    outcome.drift().toString());
            assertEquals(1, describe(admin, name).partitions().size(), "ops decide: the kit changes nothing");
        }
    }

    @Test
    void aBrokerThatDoesNotAnswerFailsTheCheckInsteadOfHangingIt() {
        Map<String, Object> unreachable = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000);
        try (Admin admin = Admin.create(unreachable)) {
            assertThrows(Exception.class, () -> TopicReconciler.reconcile(admin,
                    List.of(declaration("kit.test.never", 1, "delete")), true, Duration.ofSeconds(2)));
        }
    }

    private static TopicDeclaration declaration(String name, int partitions, String policy) {
        Map<String, String> configs = "compact".equals(policy)
                ? Map.of("cleanup.policy", "compact", "min.compaction.lag.ms", "60000")
                : Map.of("cleanup.policy", "delete", "retention.ms", "60000");
        return new TopicDeclaration(name, partitions, (short) 1, configs);
    }
}

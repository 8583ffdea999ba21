package org.okrpm.kit.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.arc.Arc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.okrpm.kit.topics.KafkaTopics;
import org.okrpm.kit.topics.TopicDeclaration;
import org.okrpm.kit.topics.TopicReconciler;

/**
 * Topics as code, checked for each service against the test broker (which creates no topic by itself): the
 * topics the service publishes are the ones it names, the service created them at start-up exactly as declared,
 * and docs/events.md gives ops the {@code kafka-topics.sh} command of each one for a production cluster
 * (replication factor 3, min.insync.replicas 2). A service's {@code TopicsTest extends TopicsContract} is a
 * {@code @QuarkusTest}.
 */
public abstract class TopicsContract {

    /** What docs/events.md lists the commands for. */
    private static final short PRODUCTION_REPLICAS = 3;
    private static final int PRODUCTION_MIN_IN_SYNC = 2;

    /** The topics the service publishes, dead-letter topics included. */
    protected abstract Set<String> publishedTopics();

    private static List<TopicDeclaration> declared() {
        return Arc.container().instance(KafkaTopics.class).get().declared();
    }

    @Test
    public void theServiceDeclaresTheTopicsItPublishes() {
        assertEquals(new TreeSet<>(publishedTopics()),
                new TreeSet<>(declared().stream().map(TopicDeclaration::name).toList()));
    }

    @Test
    public void everyDeclaredTopicExistsOnTheBrokerAsDeclared() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestBroker.bootstrapServers()))) {
            TopicReconciler.Outcome outcome = TopicReconciler.reconcile(admin, declared(), false,
                    Duration.ofSeconds(30));
            assertTrue(outcome.missing().isEmpty(), "created at start-up: " + outcome.missing());
            assertTrue(outcome.drift().isEmpty(), "as declared: " + outcome.drift());
        }
    }

    @Test
    public void docsGiveOpsTheCommandForEveryTopic() throws Exception {
        String events = Files.readString(docs().resolve("events.md"));
        for (TopicDeclaration topic : declared()) {
            String command = topic.onCluster(PRODUCTION_REPLICAS, PRODUCTION_MIN_IN_SYNC).createCommand();
            assertTrue(events.contains(command), "docs/events.md should list: " + command);
        }
    }

    private static Path docs() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docs").resolve("events.md"))) {
                return dir.resolve("docs");
            }
        }
        throw new IllegalStateException("docs/events.md not found above " + Path.of("").toAbsolutePath());
    }
}

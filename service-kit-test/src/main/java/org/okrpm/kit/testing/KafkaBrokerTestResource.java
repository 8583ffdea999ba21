package org.okrpm.kit.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.okrpm.broker.EmbeddedBroker;

/**
 * One real Kafka broker per test JVM, shared by every test class of the module, stopped when the JVM
 * ends (and by the broker itself if the JVM is killed). Register it once per module with
 * {@code @WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)}.
 */
public class KafkaBrokerTestResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedBroker broker;

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", startOnce().bootstrapServers());
    }

    @Override
    public void stop() {
        // kept for the whole JVM: other test classes (and Quarkus restarts) use the same broker
    }

    static synchronized EmbeddedBroker startOnce() {
        if (broker == null) {
            try {
                Path dir = Files.createTempDirectory("okrpm-test-kafka");
                broker = EmbeddedBroker.start(dir.resolve("data"), 0, Path.of("target", "kafka-broker.log"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            EmbeddedBroker started = broker;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "kafka-broker-stop"));
        }
        return broker;
    }
}

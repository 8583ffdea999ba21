package org.okrpm.kit.testapp;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.okrpm.broker.EmbeddedBroker;

/**
 * The real Kafka broker (kafka-broker module, a JVM of its own), once per test JVM; the same pattern as
 * service-kit-test's KafkaBrokerTestResource, which the kit cannot depend on.
 */
public class KitBrokerResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedBroker broker;

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", bootstrapServers());
    }

    @Override
    public void stop() {
        // kept for the whole JVM; the shutdown hook (and the broker's parent watch) stops it
    }

    public static synchronized String bootstrapServers() {
        if (broker == null) {
            try {
                Path dir = Files.createTempDirectory("okrpm-kit-test-kafka");
                broker = EmbeddedBroker.start(dir.resolve("data"), 0, Path.of("target", "kafka-broker.log"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            EmbeddedBroker started = broker;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "kafka-broker-stop"));
        }
        return broker.bootstrapServers();
    }
}

package org.okrpm.kit.testing;

import org.okrpm.broker.EmbeddedBroker;

/** The test JVM's broker, for tests that read or publish events or stop and restart the broker. */
public final class TestBroker {

    private TestBroker() {
    }

    private static EmbeddedBroker broker() {
        return KafkaBrokerTestResource.startOnce();
    }

    public static String bootstrapServers() {
        return broker().bootstrapServers();
    }

    /** Stops the broker (controlled shutdown); {@link #start()} brings it back on the same port with its data. */
    public static void stop() {
        broker().stop();
    }

    public static void start() {
        broker().restart();
    }
}

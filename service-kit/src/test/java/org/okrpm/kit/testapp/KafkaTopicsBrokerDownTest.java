package org.okrpm.kit.testapp;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.okrpm.kit.topics.KafkaTopics;

/** A broker that cannot be reached at start-up does not stop the start: the topics are checked again later. */
@QuarkusTest
@TestProfile(KafkaTopicsBrokerDownTest.BrokerDown.class)
class KafkaTopicsBrokerDownTest {

    /** Nothing listens on port 1; the shared test broker is not started for this profile. */
    public static class BrokerDown implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kafka.bootstrap.servers", "localhost:1", "okrpm.topics.retry-every", "1h");
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @Inject
    KafkaTopics topics;

    @Test
    void theServiceStartsAndLeavesTheTopicsForLater() {
        // the application is up (this test runs in it), its start-up check failed and was put off
        assertFalse(topics.check(), "not settled while the broker cannot be reached");
    }
}

package org.okrpm.okr.events;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;
import org.okrpm.kit.testing.TopicsContract;

/** The topics okr-service publishes, with their dead-letter topics (see TopicsContract). */
@QuarkusTest
class TopicsTest extends TopicsContract {

    @Override
    protected Set<String> publishedTopics() {
        return Set.of("okr.cycles", "okr.objectives", "okr.key-results", "okr-service.dlq", "okr-service-webhooks.dlq");
    }
}

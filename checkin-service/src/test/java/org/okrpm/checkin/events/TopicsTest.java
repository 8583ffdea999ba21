package org.okrpm.checkin.events;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;
import org.okrpm.kit.testing.TopicsContract;

/** The topics checkin-service publishes, with their dead-letter topics (see TopicsContract). */
@QuarkusTest
class TopicsTest extends TopicsContract {

    @Override
    protected Set<String> publishedTopics() {
        return Set.of("checkin.check-ins", "checkin.retrospectives", "checkin-service.dlq");
    }
}

package org.okrpm.project.events;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;
import org.okrpm.kit.testing.TopicsContract;

/** The topics project-service publishes, with their dead-letter topics (see TopicsContract). */
@QuarkusTest
class TopicsTest extends TopicsContract {

    @Override
    protected Set<String> publishedTopics() {
        return Set.of("project.projects", "project.tasks", "project.key-result-work", "project-service.dlq");
    }
}

package org.okrpm.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The uri tag of proxied requests: every id replaced by {id}, so metrics keep one series per route. */
class ProxiedPathMetricsTest {

    @ParameterizedTest
    @CsvSource({
            "/api/v1/tasks, /api/v1/tasks",
            "/api/v1/tasks/42, /api/v1/tasks/{id}",
            "/api/v1/tasks/42/, /api/v1/tasks/{id}",
            "/api/v1/projects/7/tasks, /api/v1/projects/{id}/tasks",
            "/api/v1/projects/7/tasks/9, /api/v1/projects/{id}/tasks/{id}",
            "/api/v1/projects//tasks, /api/v1/projects/{id}/tasks",
            "/q/health, /q/health",
            "/, /"
    })
    void idsBecomeTemplates(String uri, String template) {
        assertEquals(template, ProxiedPathMetrics.template(uri));
    }
}

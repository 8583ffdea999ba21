package org.okrpm.gateway.health;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.okrpm.kit.testing.TestTokens.api;
import static org.okrpm.kit.testing.TestTokens.asMember;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.okrpm.kit.testing.Management;

/**
 * Health and metrics are for the platform (probes, Prometheus), not for the gateway's clients: they are served on
 * the management port only, and the public port answers them like any unknown path.
 */
@QuarkusTest
class ManagementInterfaceTest {

    private static final List<String> MANAGEMENT_PATHS =
            List.of("/q/health", "/q/health/live", "/q/health/ready", "/q/health/started", "/q/metrics");

    @Test
    void thePublicPortDoesNotServeHealthOrMetrics() {
        for (String path : MANAGEMENT_PATHS) {
            api().get(path).then().statusCode(404)
                    .contentType("application/problem+json")
                    .body("status", equalTo(404))
                    .body("instance", equalTo(path));
            asMember().get(path).then().statusCode(404);
        }
    }

    @Test
    void theManagementPortServesHealthAndMetricsWithoutAToken() {
        Management.api().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        Management.api().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
        Management.api().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'owner services' }.status", equalTo("UP"));
        Management.api().get("/q/metrics").then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void theManagementPortServesNothingOfTheApi() {
        Management.api().get("/api/v1/cycles").then().statusCode(404);
        Management.api().get("/q/openapi").then().statusCode(404);
    }
}

package org.okrpm.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The merged OpenAPI document the build wrote (target/openapi/merged.json, from which the generated clients and
 * the contract checks are made) is exactly what the running gateway serves at {@code /q/openapi}: a client
 * generated at build time fits the API a deployment offers.
 */
class MergedOpenApiDriftTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theGatewayServesTheBuildTimeDocument() throws IOException {
        Path file = Path.of("target/openapi/merged.json");
        assertTrue(Files.isRegularFile(file), "the build writes " + file.toAbsolutePath());
        JsonNode buildTime = JSON.readTree(file.toFile());
        // the gateway fetches the owners' documents at start and then every minute: await all three
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            JsonNode served = JSON.readTree(Stack.api().get("/q/openapi").then().statusCode(200).extract().asString());
            assertEquals(buildTime.get("paths").size(), served.get("paths").size(), "paths");
            assertEquals(buildTime, served);
        });
    }
}

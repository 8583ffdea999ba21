package org.okrpm.gateway.openapi;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.okrpm.kit.testing.TestTokens.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.okrpm.kit.testing.Management;

@QuarkusTest
class MergedOpenApiTest {

    @Test
    void mergesEveryOwnersPathsWithTheGatewaysOwn() {
        List<String> ownerPaths = List.of("/api/v1/cycles", "/api/v1/objectives", "/api/v1/key-results", "/api/v1/webhooks",
                "/api/v1/projects", "/api/v1/tasks", "/api/v1/integrations",
                "/api/v1/check-ins", "/api/v1/reviews", "/api/v1/retrospectives");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Map<String, Object> paths = api().when().get("/q/openapi")
                    .then().statusCode(200).contentType("application/json")
                    .extract().jsonPath().getMap("paths");
            for (String path : ownerPaths) {
                assertTrue(paths.containsKey(path), path + " missing");
            }
        });
        JsonPath document = api().when().get("/q/openapi").then().statusCode(200).extract().jsonPath();
        assertThat(document.getMap("paths"), hasKey("/api/v1/objectives/{id}/overview"));
        assertThat(document.getMap("paths"), hasKey("/api/v1/auth/dev-token"));
        assertThat(document.getMap("paths"), hasKey("/api/v1/stream"));
        assertThat(document.getMap("paths"), not(hasKey("/api/v1/admin/dead-letters")));
        assertThat(document.getMap("components.securitySchemes"), hasKey("apiKey"));
        assertThat(document.getMap("components.schemas"), hasKey("ObjectiveOverview"));
        // the same schema name with different content is kept apart, and references follow the rename
        assertThat(document.getString("components.schemas.Page.description"),
                equalTo("page of okr-service"));
        assertThat(document.getString(
                "components.schemas.'Page_project-service'.description"), equalTo("page of project-service"));
        assertThat(document.getString(
                "paths.'/api/v1/tasks'.get.responses.'200'.content.'application/json'.schema.'$ref'"),
                equalTo("#/components/schemas/Page_project-service"));
    }

    @Test
    void swaggerUiIsServed() {
        api().when().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void readyWhileEveryOwnerIsReachable() {
        Management.api().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'owner services' }.data.'checkin-service'", equalTo("UP"))
                .body("checks.find { it.name == 'owner services' }", notNullValue());
    }
}

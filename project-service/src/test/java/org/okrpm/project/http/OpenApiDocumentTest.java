package org.okrpm.project.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The kit's OpenAPI rules as project-service serves its document: a relative server, the headers every response
 * carries, and null allowed exactly where a field can be null.
 */
@QuarkusTest
class OpenApiDocumentTest {

    private static JsonPath document() {
        return RestAssured.given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theServerIsTheServiceItself() {
        assertThat(document().getList("servers.url"), is(List.of("/")));
    }

    @Test
    void everyResponseDocumentsXRequestIdAndRetryAfterWhereTheClientMayRetry() {
        JsonPath doc = document();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        int responses = 0;
        for (Map.Entry<String, Map<String, Object>> path : paths.entrySet()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (String method : path.getValue().keySet()) {
                Map<String, Map<String, Object>> byStatus = doc.getMap(
                        "paths.'" + path.getKey() + "'." + method + ".responses");
                for (String status : byStatus.keySet()) {
                    String response = "paths.'" + path.getKey() + "'." + method + ".responses.'" + status + "'";
                    assertThat(response, doc.get(response + ".headers.X-Request-Id.schema.type"), is("string"));
                    responses++;
                }
            }
        }
        assertThat(responses > 100, is(true));
        assertThat(doc.get("paths.'/api/v1/integrations'.post.responses.'503'.headers.Retry-After.schema.type"),
                is("integer"));
    }

    @Test
    void fieldsThatCanBeNullSayRequiredAndNullable() {
        JsonPath doc = document();
        assertThat(doc.getList("components.schemas.CostEntry.properties.description.type"), hasItem("null"));
        assertThat(doc.getList("components.schemas.CostEntry.required"), hasItem("description"));
        assertThat(doc.getList("components.schemas.IntegrationDelivery.properties.detail.type"), hasItem("null"));
        assertThat(doc.get("components.schemas.IntegrationDelivery.properties.taskId.anyOf"), notNullValue());
        assertThat(doc.getList("components.schemas.IntegrationReceipt.properties.externalId.type"),
                hasItem("null"));
        assertThat(doc.getList("components.schemas.Integration.properties.externalProject.type"), hasItem("null"));
        // never null: no "null" among its types
        assertThat(doc.get("components.schemas.CostEntry.properties.currency.type"), is("string"));
    }
}

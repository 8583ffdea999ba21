package org.okrpm.gateway.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The naming and security rules that make the merged document one API for client generators. */
class OpenApiMergerTest {

    private static JsonObject owner(String item, String deliveryExample) {
        return new JsonObject("""
                {"openapi": "3.1.0",
                 "paths": {"/api/v1/%1$ss": {"get": {"operationId": "list%1$s", "security": [{"jwt": ["member"]}],
                   "responses": {"200": {"content": {"application/json": {"schema":
                     {"$ref": "#/components/schemas/PageResponseDeliveryView"}}}}}}}},
                 "components": {"schemas": {
                   "PageResponseDeliveryView": {"type": "object", "properties": {"items": {"type": "array",
                     "items": {"$ref": "#/components/schemas/%2$s"}}}},
                   "%2$s": {"type": "object", "properties": {"id": {"type": "string"}}},
                   "Instant": {"type": "string", "format": "date-time", "examples": ["%3$s"]}}}}
                """.formatted(item.equals("webhook") ? "webhook" : "integration",
                item.equals("webhook") ? "WebhookDelivery" : "IntegrationDelivery", deliveryExample));
    }

    private static JsonObject merged() {
        Map<String, JsonObject> owners = new LinkedHashMap<>();
        owners.put("okr-service", owner("webhook", "2026-01-01T00:00:00Z"));
        owners.put("project-service", owner("integration", "2027-01-01T00:00:00Z"));
        return OpenApiMerger.merge(new JsonObject().put("openapi", "3.1.0"), owners);
    }

    @Test
    void listEnvelopesAreNamedAfterTheirItemsSoTwoServicesNeverShareOne() {
        JsonObject document = merged();
        JsonObject schemas = document.getJsonObject("components").getJsonObject("schemas");
        assertTrue(schemas.containsKey("WebhookDeliveryPage"));
        assertTrue(schemas.containsKey("IntegrationDeliveryPage"));
        assertFalse(schemas.fieldNames().stream().anyMatch(name -> name.startsWith("PageResponse") || name.contains("_")),
                schemas.fieldNames().toString());
        assertEquals("#/components/schemas/IntegrationDeliveryPage", document.getJsonObject("paths")
                .getJsonObject("/api/v1/integrations").getJsonObject("get").getJsonObject("responses")
                .getJsonObject("200").getJsonObject("content").getJsonObject("application/json")
                .getJsonObject("schema").getString("$ref"));
    }

    @Test
    void schemasThatDifferOnlyInExamplesAreOne() {
        JsonObject schemas = merged().getJsonObject("components").getJsonObject("schemas");
        assertTrue(schemas.containsKey("Instant"));
        assertFalse(schemas.containsKey("Instant_project-service"));
    }

    @Test
    void theGatewayIsTheServerAndAcceptsAnApiKeyWhereverAJwtIs() {
        JsonObject document = merged();
        assertEquals("/", document.getJsonArray("servers").getJsonObject(0).getString("url"));
        assertEquals(2, document.getJsonObject("paths").getJsonObject("/api/v1/webhooks").getJsonObject("get")
                .getJsonArray("security").size());
        assertTrue(document.getJsonObject("paths").getJsonObject("/api/v1/webhooks").getJsonObject("get")
                .getJsonArray("security").getJsonObject(1).containsKey("apiKey"));
    }

    @Test
    void everyRoutedOperationMayBeRateLimitedWithRetryAfter() {
        JsonObject paths = merged().getJsonObject("paths");
        JsonObject tooMany = paths.getJsonObject("/api/v1/webhooks").getJsonObject("get")
                .getJsonObject("responses").getJsonObject("429");
        assertTrue(tooMany.getJsonObject("headers").getJsonObject("Retry-After").getBoolean("required"));
        paths.forEach(path -> ((JsonObject) path.getValue()).forEach(operation -> {
            if (operation.getValue() instanceof JsonObject op) {
                assertTrue(op.getJsonObject("responses").containsKey("429"),
                        operation.getKey() + " " + path.getKey() + " documents no 429");
            }
        }));
    }
}

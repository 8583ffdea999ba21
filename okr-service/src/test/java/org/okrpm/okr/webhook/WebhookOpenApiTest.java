package org.okrpm.okr.webhook;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

/** The webhook event names are enums in the OpenAPI document, taken from the list the service checks against. */
@QuarkusTest
class WebhookOpenApiTest {

    @Test
    void eventNamesAndDeliveryTypesAreEnums() {
        JsonPath doc = RestAssured.given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        assertThat(doc.getList("components.schemas.WebhookCreate.properties.events.items.enum"),
                is(WebhookEventTypes.NAMES));
        assertThat(doc.getList("components.schemas.Webhook.properties.events.items.enum"), is(WebhookEventTypes.NAMES));
        assertThat(doc.getList("components.schemas.WebhookDelivery.properties.type.enum"),
                is(WebhookEventTypes.CE_TYPES));
        assertThat(WebhookEventTypes.isKnown("project.health-changed"), is(true));
    }
}

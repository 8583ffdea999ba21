package org.okrpm.gateway.openapi;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.okrpm.kit.testing.TestTokens.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The gateway's own parts of the document: the overview's parts typed with the owners' schemas, the dev-token
 * roles as an enum, the stream's types, and the kit's response headers.
 */
@QuarkusTest
class GatewayOpenApiPartsTest {

    private static JsonPath document() {
        return api().when().get("/q/openapi").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theOverviewsPartsAreTheOwnersSchemas() {
        JsonPath doc = document();
        String schemas = "components.schemas.";
        assertThat(doc.getString(schemas + "CycleOverview.properties.cycle.'$ref'"),
                equalTo("#/components/schemas/Cycle"));
        assertThat(doc.getString(schemas + "KeyResultOverview.properties.keyResult.'$ref'"),
                equalTo("#/components/schemas/KeyResult"));
        assertThat(doc.getString(schemas + "OverviewLinkedProjects.properties.items.items.'$ref'"),
                equalTo("#/components/schemas/Project"));
        assertThat(doc.getList(schemas + "OverviewLatestCheckIn.properties.checkIn.anyOf.'$ref'"),
                hasItem("#/components/schemas/CheckIn"));
        assertThat(doc.getList(schemas + "OverviewLatestCheckIn.properties.checkIn.anyOf.type"), hasItem("null"));
    }

    @Test
    void devTokenRolesAreAnEnumAndResponsesCarryTheRequestId() {
        JsonPath doc = document();
        assertThat(doc.getList("components.schemas.DevTokenRequest.properties.roles.items.enum"),
                is(List.of("admin", "member", "viewer", "integrator")));
        assertThat(doc.getString("paths.'/api/v1/stream'.get.responses.'429'.headers.Retry-After.schema.type"),
                equalTo("integer"));
        assertThat(doc.getString("paths.'/api/v1/stream'.get.responses.'200'.headers.X-Request-Id.schema.type"),
                equalTo("string"));
        assertThat(doc.getString("paths.'/api/v1/stream'.get.description").contains("health-changed"), is(true));
    }
}

package org.okrpm.gateway.audit;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.okrpm.kit.testing.TestTokens.api;
import static org.okrpm.kit.testing.TestTokens.asAdmin;
import static org.okrpm.kit.testing.TestTokens.asMember;
import static org.okrpm.kit.testing.TestTokens.asViewer;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The owners' audit trails (canned in OwnerStubs) merged into one list at the gateway. */
@QuarkusTest
class AuditTrailTest {

    private static final String AUDIT = "/api/v1/audit";

    @Test
    void mergesTheOwnersTrailsNewestFirstIntoOnePage() {
        asAdmin().queryParam("size", 4).when().get(AUDIT)
                .then().statusCode(200)
                .contentType("application/json")
                .body("totalItems", equalTo(6))
                .body("totalPages", equalTo(2))
                .body("unavailable", empty())
                .body("items.occurredAt", contains("2026-11-20T10:05:00Z", "2026-11-20T10:04:00Z",
                        "2026-11-20T10:03:00Z", "2026-11-20T10:02:00Z"))
                .body("items.service", contains("okr-service", "project-service", "okr-service", "checkin-service"))
                .body("items[1].resourceType", equalTo("Task"))
                .body("items[1].requestId", equalTo("req-2"));
        asAdmin().queryParam("size", 4).queryParam("page", 1).when().get(AUDIT)
                .then().statusCode(200)
                .body("page", equalTo(1))
                .body("items.occurredAt", contains("2026-11-20T10:01:00Z", "2026-11-20T10:00:00Z"))
                .body("items.service", contains("okr-service", "project-service"));
    }

    @Test
    void filtersAreAskedOfTheOwnersAndServiceNarrowsToOne() {
        asAdmin().queryParam("actor", "ada").when().get(AUDIT)
                .then().statusCode(200)
                .body("totalItems", equalTo(3))
                .body("items.resourceId", contains("Objective-3", "Objective-1", "Project-1"));
        asAdmin().queryParam("service", "project-service").when().get(AUDIT)
                .then().statusCode(200)
                .body("totalItems", equalTo(2))
                .body("items.service", contains("project-service", "project-service"));
    }

    @Test
    void onlyAdminsMayListIt() {
        asMember().when().get(AUDIT).then().statusCode(403).contentType("application/problem+json");
        asViewer().when().get(AUDIT).then().statusCode(403);
    }

    @Test
    void isDocumentedInTheGatewaysOpenApi() {
        api().when().get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/audit'.get.operationId", equalTo("listAuditTrail"));
    }

    @Test
    void badParametersAreA400NamingThem() {
        asAdmin().queryParam("service", "billing-service").when().get(AUDIT)
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("service"));
        asAdmin().queryParam("page", 5).queryParam("size", 200).when().get(AUDIT)
                .then().statusCode(400).body("detail", containsString("1000"));
        // (page + 1) * size must not overflow into a small number that passes the depth check
        asAdmin().queryParam("page", Integer.MAX_VALUE).when().get(AUDIT)
                .then().statusCode(400).body("detail", containsString("1000"));
        asAdmin().queryParam("from", "yesterday").when().get(AUDIT).then().statusCode(400);
        asAdmin().queryParam("size", 0).when().get(AUDIT).then().statusCode(400);
        asAdmin().queryParam("who", "ada").when().get(AUDIT).then().statusCode(400);
    }
}

package org.okrpm.gateway.audit;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.okrpm.kit.testing.TestTokens.asAdmin;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** checkin-service is down (nothing listens on its port): the others' entries still come, and it is named. */
@QuarkusTest
@TestProfile(AuditTrailOwnerDownTest.CheckinDown.class)
class AuditTrailOwnerDownTest {

    public static class CheckinDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("okrpm.gateway.upstream.checkin", "http://localhost:1");
        }
    }

    @Test
    void answersWithTheOtherOwnersEntriesAndNamesTheMissingOne() {
        asAdmin().when().get("/api/v1/audit")
                .then().statusCode(200)
                .body("unavailable", contains("checkin-service"))
                .body("totalItems", equalTo(5))
                .body("items.service", contains("okr-service", "project-service", "okr-service", "okr-service",
                        "project-service"));
    }

    @Test
    void onlyTheMissingOwnerAskedForIsA503() {
        asAdmin().queryParam("service", "checkin-service").when().get("/api/v1/audit")
                .then().statusCode(503).contentType("application/problem+json");
    }
}

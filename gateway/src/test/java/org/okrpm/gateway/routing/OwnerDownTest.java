package org.okrpm.gateway.routing;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.okrpm.gateway.support.OwnerStubs.CYCLE_ID;
import static org.okrpm.gateway.support.OwnerStubs.OBJECTIVE_ID;
import static org.okrpm.kit.testing.TestTokens.api;
import static org.okrpm.kit.testing.TestTokens.asMember;
import static org.okrpm.kit.testing.TestTokens.asViewer;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.okrpm.kit.testing.Management;

/**
 * checkin-service is down (nothing listens on its port), and dev tokens are off as in production.
 * One profile, one boot, for everything that needs a dead owner.
 */
@QuarkusTest
@TestProfile(OwnerDownTest.CheckinDown.class)
class OwnerDownTest {

    public static class CheckinDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("okrpm.gateway.upstream.checkin", "http://localhost:1",
                    "okrpm.gateway.circuit-breaker.failure-threshold", "3",
                    "okrpm.gateway.circuit-breaker.open-for", "1h",
                    "okrpm.gateway.dev-token.enabled", "false");
        }
    }

    @Test
    void aDeadOwnerIsA503NamingItAndItsBreakerOpens() {
        for (int i = 0; i < 3; i++) {
            asMember().when().get("/api/v1/retrospectives")
                    .then().statusCode(503)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://okrpm.org/problems/service-unavailable"))
                    .body("detail", containsString("checkin-service"))
                    .body("instance", equalTo("/api/v1/retrospectives"));
        }
        // open now: the gateway answers at once without trying
        asMember().when().get("/api/v1/check-ins")
                .then().statusCode(503)
                .body("detail", containsString("circuit open"));
        // the other owners are not affected
        asMember().when().get("/api/v1/cycles").then().statusCode(200).body("owner", equalTo("okr-service"));
    }

    @Test
    void theOverviewStillAnswersWithThePartMarkedUnavailable() {
        asViewer().when().get("/api/v1/objectives/" + OBJECTIVE_ID + "/overview")
                .then().statusCode(200)
                .body("objective.id", equalTo(OBJECTIVE_ID))
                .body("unavailable", equalTo(List.of("checkin-service")))
                .body("keyResults", hasSize(2))
                .body("keyResults[0].projects.available", equalTo(true))
                .body("keyResults[0].projects.items[0].taskStats.total", equalTo(4))
                .body("keyResults[0].latestCheckIn.available", equalTo(false))
                .body("keyResults[0].latestCheckIn.reason", containsString("checkin-service"))
                .body("keyResults.latestCheckIn.available", hasItem(false));
    }

    @Test
    void theCycleOverviewStillAnswersWithTheCheckInsMarkedUnavailable() {
        asViewer().when().get("/api/v1/cycles/" + CYCLE_ID + "/overview")
                .then().statusCode(200)
                .body("unavailable", equalTo(List.of("checkin-service")))
                .body("objectives", hasSize(2))
                .body("objectives[0].keyResults[0].projects.available", equalTo(true))
                .body("objectives[0].keyResults[0].projects.items", hasSize(2))
                .body("objectives[0].keyResults[0].latestCheckIn.available", equalTo(false))
                .body("objectives[0].keyResults[0].latestCheckIn.reason", containsString("checkin-service"));
    }

    @Test
    void notReadyWhileAnOwnerIsUnreachable() {
        Management.api().when().get("/q/health/ready")
                .then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.find { it.name == 'owner services' }.data.'checkin-service'", equalTo("UNREACHABLE"))
                .body("checks.find { it.name == 'owner services' }.data.'okr-service'", equalTo("UP"));
    }

    @Test
    void theDevTokenEndpointDoesNotExistOutsideTheLocalProfile() {
        api().contentType("application/json").body("{\"subject\": \"alice\", \"roles\": [\"admin\"]}")
                .when().post("/api/v1/auth/dev-token")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }
}

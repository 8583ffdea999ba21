package org.okrpm.gateway.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dashboard is part of every profile, production included (there a token is pasted: no dev tokens). */
@QuarkusTest
@TestProfile(DashboardInProductionTest.Production.class)
class DashboardInProductionTest {

    /** The prod profile's configuration, with the verification key production insists on. */
    public static class Production implements QuarkusTestProfile {
        @Override
        public String getConfigProfile() {
            return "prod";
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.jwt.verify.publickey.location", "file:target/test-keys/public.pem");
        }
    }

    @Test
    void productionServesTheDashboardAndNoDevTokens() {
        String page = DashboardPageTest.page();
        given().when().get(DashboardPageTest.asset(DashboardPageTest.SCRIPT, page)).then().statusCode(200);
        // the page's sign-in asks this to decide between "sign in as" and "paste a token"
        given().contentType("application/json").body("{}").when().post("/api/v1/auth/dev-token")
                .then().statusCode(404);
        given().when().get("/api/v1/cycles").then().statusCode(401);
    }
}

package org.okrpm.okr.http;

import static org.hamcrest.Matchers.is;
import static org.okrpm.kit.testing.ProblemAssertions.assertProblem;
import static org.okrpm.kit.testing.TestTokens.asMember;
import static org.okrpm.kit.testing.TestTokens.asViewer;
import static org.okrpm.okr.OkrFixtures.cycle;
import static org.okrpm.okr.OkrFixtures.keyResult;
import static org.okrpm.okr.OkrFixtures.objective;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.okrpm.kit.testing.HostileInputContract;

/**
 * The kit's {@link HostileInputContract} on okr-service's cycles, plus its own numbers and dates: key-result
 * values are bounded (|x| < 10^12, 4 decimals; 10^15 used to overflow NUMERIC(19,4) into a 500) and cycle dates
 * are strings of real dates from 1900 to 9999.
 */
@QuarkusTest
class HostileInputTest extends HostileInputContract {

    @Override
    protected String listPath() {
        return "/api/v1/cycles";
    }

    @Override
    protected String createPath() {
        return "/api/v1/cycles";
    }

    @Override
    protected Map<String, Object> validCreateBody() {
        return Map.of("name", "hostile-" + UUID.randomUUID(), "startDate", "2026-10-01", "endDate", "2026-12-31");
    }

    @Override
    protected String textField() {
        return "name";
    }

    @Override
    protected int countCreatedFrom(Map<String, Object> body) {
        int count = 0;
        for (int page = 0; ; page++) {
            var json = asViewer().queryParam("size", 200).queryParam("page", page).get("/api/v1/cycles")
                    .then().statusCode(200).extract().jsonPath();
            count += json.getList("items.findAll { it.name == '" + body.get("name") + "' }").size();
            if (page + 1 >= json.getInt("totalPages")) {
                return count;
            }
        }
    }

    @Override
    protected String itemPathPrefix() {
        return "/api/v1/objectives/";
    }

    private static String keyResultBody(String startValue, String targetValue) {
        return "{\"title\": \"Revenue\", \"metricType\": \"NUMBER\", \"startValue\": " + startValue
                + ", \"targetValue\": " + targetValue + "}";
    }

    @Test
    void keyResultValuesOfTenToTheFifteenOrInfinityAreA400NamingTheField() {
        String objectiveId = objective(cycle());
        String path = "/api/v1/objectives/" + objectiveId + "/key-results";
        assertProblem(asMember().body(keyResultBody("0", "1e15")).post(path).then(), 400)
                .body("errors[0].field", is("targetValue"));
        assertProblem(asMember().body(keyResultBody("1000000000000000", "1")).post(path).then(), 400)
                .body("errors[0].field", is("startValue"));
        assertProblem(asMember().body(keyResultBody("0", "1e309")).post(path).then(), 400)
                .body("errors[0].field", is("targetValue"));
        assertProblem(asMember().body(keyResultBody("0", "9".repeat(400))).post(path).then(), 400)
                .body("errors[0].field", is("targetValue"));
        assertProblem(asMember().body(keyResultBody("0", "NaN")).post(path).then(), 400)
                .body("errors[0].field", is("targetValue"));
        assertProblem(asMember().body(keyResultBody("0", "1.00001")).post(path).then(), 400)
                .body("errors[0].field", is("targetValue"));
        assertProblem(asMember().body(keyResultBody("0", "\"100\"")).post(path).then(), 400)
                .body("errors[0].field", is("targetValue"));
        asViewer().queryParam("objectiveId", objectiveId).get("/api/v1/key-results")
                .then().statusCode(200).body("totalItems", is(0));
        // the largest value the rule allows is stored and read back exactly
        asMember().body(keyResultBody("0", "999999999999.9999")).post(path).then().statusCode(201)
                .body("targetValue", is(999999999999.9999));
    }

    @Test
    void aPatchedCurrentValueOutOfBoundsIsA400AndChangesNothing() {
        String keyResultId = keyResult(objective(cycle()), 0, 100);
        assertProblem(asMember().body("{\"currentValue\": 1e15}").patch("/api/v1/key-results/" + keyResultId).then(),
                400).body("errors[0].field", is("currentValue"));
        assertProblem(asMember().body("{\"currentValue\": -Infinity}")
                .patch("/api/v1/key-results/" + keyResultId).then(), 400)
                .body("errors[0].field", is("currentValue"));
        assertProblem(asMember().body("{\"weight\": 1e309}").patch("/api/v1/key-results/" + keyResultId).then(), 400)
                .body("errors[0].field", is("weight"));
        asViewer().get("/api/v1/key-results/" + keyResultId).then().statusCode(200)
                .body("currentValue", is(0)).body("version", is(0));
    }

    @Test
    void cycleDatesAreStringsOfDatesFrom1900To9999() {
        String name = "dates-" + UUID.randomUUID();
        assertProblem(asMember().body("{\"name\": \"" + name + "\", \"startDate\": 12345, \"endDate\": \"2026-12-31\"}")
                .post("/api/v1/cycles").then(), 400).body("errors[0].field", is("startDate"));
        assertProblem(asMember().body(Map.of("name", name, "startDate", "2026-10-01T10:00:00Z",
                "endDate", "2026-12-31")).post("/api/v1/cycles").then(), 400).body("errors[0].field", is("startDate"));
        assertProblem(asMember().body(Map.of("name", name, "startDate", "2026-10-01",
                "endDate", "+999999999-12-31")).post("/api/v1/cycles").then(), 400)
                .body("errors[0].field", is("endDate"));
        assertProblem(asMember().body(Map.of("name", name, "startDate", "1899-12-31",
                "endDate", "2026-12-31")).post("/api/v1/cycles").then(), 400).body("errors[0].field", is("startDate"));
        assertProblem(asMember().body("{\"name\": \"" + name + "\", \"startDate\": [2026, 10, 1],"
                + " \"endDate\": \"2026-12-31\"}").post("/api/v1/cycles").then(), 400)
                .body("errors[0].field", is("startDate"));
        // a merge patch is read as strictly as a create body
        assertProblem(asMember().body("{\"startDate\": 12345}").patch("/api/v1/cycles/" + cycle()).then(), 400)
                .body("errors[0].field", is("startDate"));
        asMember().body(Map.of("name", name, "startDate", "1900-01-01", "endDate", "9999-12-31"))
                .post("/api/v1/cycles").then().statusCode(201);
    }
}

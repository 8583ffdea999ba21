package org.okrpm.okr.cycle;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.okrpm.kit.testing.ProblemAssertions.assertProblem;
import static org.okrpm.kit.testing.TestTokens.asMember;
import static org.okrpm.kit.testing.TestTokens.asViewer;
import static org.okrpm.okr.OkrFixtures.cycle;
import static org.okrpm.okr.OkrFixtures.cycleIn;
import static org.okrpm.okr.OkrFixtures.keyResult;
import static org.okrpm.okr.OkrFixtures.objective;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CycleResourceTest {

    @Test
    void createdCycleStartsInPlanningWithLocationAndETag() {
        String name = "2026-Q4-" + UUID.randomUUID();
        var created = asMember()
                .body(Map.of("name", name, "startDate", "2026-10-01", "endDate", "2026-12-31"))
                .when().post("/api/v1/cycles")
                .then().statusCode(201)
                .body("name", is(name))
                .body("phase", is("PLANNING"))
                .body("startDate", is("2026-10-01"))
                .body("endDate", is("2026-12-31"))
                .body("version", is(0))
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location"), endsWith("/api/v1/cycles/" + id));

        asViewer().when().get("/api/v1/cycles/" + id)
                .then().statusCode(200)
                .header("ETag", is("\"0\""))
                .body("id", is(id));
    }

    @Test
    void endDateMustBeAfterStartDate() {
        asMember()
                .body(Map.of("name", "bad-" + UUID.randomUUID(), "startDate", "2026-10-01", "endDate", "2026-10-01"))
                .when().post("/api/v1/cycles")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", is("endDate"));
    }

    @Test
    void cycleNamesAreUnique() {
        String name = "dup-" + UUID.randomUUID();
        Map<String, String> body = Map.of("name", name, "startDate", "2026-10-01", "endDate", "2026-12-31");
        asMember().body(body).post("/api/v1/cycles").then().statusCode(201);
        asMember().body(body).post("/api/v1/cycles")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString(name));
    }

    @Test
    void listFiltersByPhaseInThePaginationEnvelope() {
        String executing = cycleIn("EXECUTION");
        asViewer().queryParam("phase", "EXECUTION").queryParam("size", 200)
                .when().get("/api/v1/cycles")
                .then().statusCode(200)
                .body("items.phase", everyItem(is("EXECUTION")))
                .body("items.id", hasItem(executing))
                .body("page", is(0))
                .body("size", is(200))
                .body("totalItems", greaterThanOrEqualTo(1))
                .body("totalPages", greaterThanOrEqualTo(1));
    }

    @Test
    void phasesMoveForwardOneStepAtATime() {
        String id = cycle();
        asMember().body(Map.of("phase", "RETROSPECTIVE")).post("/api/v1/cycles/" + id + "/phase")
                .then().statusCode(409).contentType("application/problem+json");
        asMember().body(Map.of("phase", "EXECUTION")).post("/api/v1/cycles/" + id + "/phase")
                .then().statusCode(200).body("phase", is("EXECUTION")).body("version", is(1));
        asMember().body(Map.of("phase", "PLANNING")).post("/api/v1/cycles/" + id + "/phase")
                .then().statusCode(409);
        asMember().body(Map.of("phase", "EXECUTION")).post("/api/v1/cycles/" + id + "/phase")
                .then().statusCode(409);
    }

    @Test
    void nothingInAClosedCycleCanChange() {
        String id = cycle();
        String objectiveId = objective(id);
        String keyResultId = keyResult(objectiveId, 0, 100);
        for (String phase : new String[] {"EXECUTION", "RETROSPECTIVE", "CLOSED"}) {
            asMember().body(Map.of("phase", phase)).post("/api/v1/cycles/" + id + "/phase").then().statusCode(200);
        }

        asMember().body(Map.of("name", "renamed-" + UUID.randomUUID())).patch("/api/v1/cycles/" + id)
                .then().statusCode(409);
        asMember().body(Map.of("cycleId", id, "title", "late", "level", "TEAM")).post("/api/v1/objectives")
                .then().statusCode(409);
        asMember().body(Map.of("title", "renamed")).patch("/api/v1/objectives/" + objectiveId)
                .then().statusCode(409);
        asMember().body(Map.of("currentValue", 50)).patch("/api/v1/key-results/" + keyResultId)
                .then().statusCode(409).contentType("application/problem+json");
        asMember().body(Map.of("title", "x", "metricType", "BOOLEAN"))
                .post("/api/v1/objectives/" + objectiveId + "/key-results")
                .then().statusCode(409);
        asMember().delete("/api/v1/key-results/" + keyResultId).then().statusCode(409);
        asMember().delete("/api/v1/objectives/" + objectiveId).then().statusCode(409);

        asViewer().get("/api/v1/key-results/" + keyResultId).then().statusCode(200).body("currentValue", equalTo(0));
    }

    @Test
    void patchRenamesAndRedatesAnOpenCycle() {
        String id = cycle();
        String name = "renamed-" + UUID.randomUUID();
        asMember().contentType("application/merge-patch+json")
                .body(Map.of("name", name, "endDate", "2027-01-15"))
                .patch("/api/v1/cycles/" + id)
                .then().statusCode(200)
                .body("name", is(name))
                .body("endDate", is("2027-01-15"))
                .body("startDate", is("2026-10-01"))
                .body("version", is(1));
    }

    /** Three cycles whose names share a fresh lowercase token: {token}-a runs today, b and c ran in 2020. */
    private static String[] threeCycles(String token) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return new String[] {
            namedCycle(token + "-a", today.minusDays(1), today.plusDays(1)),
            namedCycle(token + "-b", LocalDate.of(2020, 1, 1), LocalDate.of(2020, 3, 31)),
            namedCycle(token + "-c", LocalDate.of(2020, 1, 1), LocalDate.of(2020, 6, 30))};
    }

    private static String namedCycle(String name, LocalDate start, LocalDate end) {
        return asMember().body(Map.of("name", name, "startDate", start.toString(), "endDate", end.toString()))
                .post("/api/v1/cycles").then().statusCode(201).extract().path("id");
    }

    private static String token() {
        return "cyc" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    @Test
    void qFindsCyclesByNameIgnoringCase() {
        String token = token();
        String[] ids = threeCycles(token);

        asViewer().queryParam("q", token.toUpperCase()).get("/api/v1/cycles")
                .then().statusCode(200)
                .body("items.id", containsInAnyOrder(ids))
                .body("totalItems", is(3));
        asViewer().queryParam("q", token + "-B").get("/api/v1/cycles")
                .then().statusCode(200).body("items.id", contains(ids[1]));
        asViewer().queryParam("q", "no-such-" + token).get("/api/v1/cycles")
                .then().statusCode(200).body("items", empty()).body("totalItems", is(0));
    }

    @Test
    void sortOrdersByOneOrTwoFieldsEitherWay() {
        String token = token();
        String[] ids = threeCycles(token);

        asViewer().queryParam("q", token).queryParam("sort", "name").get("/api/v1/cycles")
                .then().statusCode(200).body("items.id", contains(ids[0], ids[1], ids[2]));
        asViewer().queryParam("q", token).queryParam("sort", "-name").get("/api/v1/cycles")
                .then().statusCode(200).body("items.id", contains(ids[2], ids[1], ids[0]));
        // b and c start on the same day: the second field decides between them
        asViewer().queryParam("q", token).queryParam("sort", "startDate,-name").get("/api/v1/cycles")
                .then().statusCode(200).body("items.id", contains(ids[2], ids[1], ids[0]));
        asViewer().queryParam("q", token).queryParam("sort", "-startDate,name").get("/api/v1/cycles")
                .then().statusCode(200).body("items.id", contains(ids[0], ids[1], ids[2]));
        asViewer().queryParam("q", token).queryParam("sort", "endDate").get("/api/v1/cycles")
                .then().statusCode(200).body("items.id", contains(ids[1], ids[2], ids[0]));
    }

    @Test
    void anUnknownOrMalformedSortIsABadRequestNamingSort() {
        for (String bad : new String[] {"phase", "priority", "name,", "name,-name", "-"}) {
            assertProblem(asViewer().queryParam("sort", bad).get("/api/v1/cycles").then(), 400)
                    .body("errors[0].field", is("sort"))
                    .body("detail", startsWith("sort "));
        }
        asViewer().queryParam("sort", "phase").get("/api/v1/cycles")
                .then().body("detail", containsString("name, startDate, endDate, createdAt, updatedAt"));
    }

    @Test
    void currentTrueKeepsOnlyTheCyclesRunningToday() {
        String token = token();
        String[] ids = threeCycles(token);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        asViewer().queryParam("q", token).queryParam("current", true).get("/api/v1/cycles")
                .then().statusCode(200).body("items.id", contains(ids[0]));
        asViewer().queryParam("q", token).queryParam("current", false).get("/api/v1/cycles")
                .then().statusCode(200).body("totalItems", is(3));
        List<Map<String, String>> current = asViewer().queryParam("current", true).queryParam("size", 200)
                .get("/api/v1/cycles").then().statusCode(200).extract().path("items");
        for (Map<String, String> cycle : current) {
            assertThat(cycle.get("name"), !LocalDate.parse(cycle.get("startDate")).isAfter(today)
                    && !LocalDate.parse(cycle.get("endDate")).isBefore(today));
        }
        assertProblem(asViewer().queryParam("current", "yes").get("/api/v1/cycles").then(), 400)
                .body("errors[0].field", is("current"));
    }

    @Test
    void unknownCycleIsNotFound() {
        asViewer().get("/api/v1/cycles/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json").body("status", is(404));
    }
}

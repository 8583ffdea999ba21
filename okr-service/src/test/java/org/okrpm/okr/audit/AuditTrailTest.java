package org.okrpm.okr.audit;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.okrpm.kit.testing.TestTokens.as;
import static org.okrpm.kit.testing.TestTokens.asAdmin;
import static org.okrpm.kit.testing.TestTokens.asMember;
import static org.okrpm.kit.testing.TestTokens.asViewer;
import static org.okrpm.okr.OkrFixtures.cycle;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every write a request makes lands in okr-service's audit trail, which only admins can read. */
@QuarkusTest
class AuditTrailTest {

    private static final String AUDIT = "/api/v1/admin/audit";

    @Test
    void createUpdateAndDeleteOfAnObjectiveAreRecordedWithActorRequestAndVersions() {
        String actor = "auditor-" + UUID.randomUUID();
        String cycleId = cycle();
        String id = as(actor, "member").header("X-Request-Id", "req-create-" + actor)
                .body(Map.of("cycleId", cycleId, "title", "Audited", "level", "INDIVIDUAL"))
                .post("/api/v1/objectives").then().statusCode(201).extract().path("id");
        as(actor, "member").header("X-Request-Id", "req-update-" + actor).header("If-Match", "\"0\"")
                .body(Map.of("title", "Audited, renamed")).patch("/api/v1/objectives/" + id)
                .then().statusCode(200);
        as(actor, "member").get("/api/v1/objectives/" + id).then().statusCode(200); // a read: not recorded
        as(actor, "member").header("X-Request-Id", "req-delete-" + actor).header("If-Match", "\"1\"")
                .delete("/api/v1/objectives/" + id).then().statusCode(204);

        asAdmin().queryParam("resourceType", "Objective").queryParam("resourceId", id).get(AUDIT)
                .then().statusCode(200)
                .body("totalItems", is(3))
                .body("items.action", contains("DELETE", "UPDATE", "CREATE"))
                .body("items.actor", everyItem(is(actor)))
                .body("items.requestId", contains("req-delete-" + actor, "req-update-" + actor,
                        "req-create-" + actor))
                .body("items.versionBefore", contains(1, 0, null))
                .body("items.versionAfter", contains(null, 1, 0))
                .body("items[0].operation", is("DELETE /api/v1/objectives/" + id))
                .body("items[2].operation", is("POST /api/v1/objectives"));
    }

    @Test
    void aRejectedWriteLeavesNoEntry() {
        String actor = "rejected-" + UUID.randomUUID();
        String id = as(actor, "member")
                .body(Map.of("cycleId", cycle(), "title", "Guarded", "level", "INDIVIDUAL"))
                .post("/api/v1/objectives").then().statusCode(201).extract().path("id");
        as(actor, "member").header("If-Match", "\"7\"").body(Map.of("title", "Stale"))
                .patch("/api/v1/objectives/" + id).then().statusCode(412);
        as(actor, "member").body(Map.of("cycleId", cycle(), "title", "", "level", "INDIVIDUAL"))
                .post("/api/v1/objectives").then().statusCode(400);

        asAdmin().queryParam("actor", actor).get(AUDIT)
                .then().statusCode(200)
                .body("totalItems", is(1))
                .body("items.action", contains("CREATE"))
                .body("items.resourceId", contains(id));
    }

    @Test
    void onlyAdminsReadTheTrail() {
        asMember().get(AUDIT).then().statusCode(403).contentType("application/problem+json");
        asViewer().get(AUDIT).then().statusCode(403);
    }

    @Test
    void filtersByActorAndTimeAndPagesNewestFirst() {
        String actor = "pager-" + UUID.randomUUID();
        Instant before = Instant.now();
        String first = cycleAs(actor);
        String second = cycleAs(actor);
        String third = cycleAs(actor);

        asAdmin().queryParam("actor", actor).queryParam("size", 2).get(AUDIT)
                .then().statusCode(200)
                .body("totalItems", is(3)).body("totalPages", is(2))
                .body("items.resourceId", contains(third, second))
                .body("items.resourceType", everyItem(is("Cycle")));
        asAdmin().queryParam("actor", actor).queryParam("size", 2).queryParam("page", 1).get(AUDIT)
                .then().body("items.resourceId", contains(first));
        asAdmin().queryParam("actor", actor).queryParam("from", before.toString())
                .queryParam("to", Instant.now().plusSeconds(60).toString()).get(AUDIT)
                .then().body("totalItems", is(3));
        asAdmin().queryParam("actor", actor).queryParam("to", before.toString()).get(AUDIT)
                .then().body("totalItems", is(0));
        asAdmin().queryParam("actor", actor).queryParam("resourceId", second).get(AUDIT)
                .then().body("items.resourceId", contains(second)).body("items[0].versionBefore", nullValue());
    }

    @Test
    void badParametersAreA400NamingThem() {
        asAdmin().queryParam("from", "yesterday").get(AUDIT)
                .then().statusCode(400).contentType("application/problem+json");
        asAdmin().queryParam("from", "2026-11-02T00:00:00Z").queryParam("to", "2026-11-01T00:00:00Z").get(AUDIT)
                .then().statusCode(400);
        asAdmin().queryParam("size", 0).get(AUDIT).then().statusCode(400);
        asAdmin().queryParam("who", "ada").get(AUDIT).then().statusCode(400);
        asAdmin().queryParam("actor", " ").get(AUDIT).then().statusCode(400);
    }

    private static String cycleAs(String actor) {
        return as(actor, "member")
                .body(Map.of("name", "Q-" + UUID.randomUUID(), "startDate", "2026-10-01", "endDate", "2026-12-31"))
                .post("/api/v1/cycles").then().statusCode(201).extract().path("id");
    }
}

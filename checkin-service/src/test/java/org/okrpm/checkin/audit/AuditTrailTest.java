package org.okrpm.checkin.audit;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.okrpm.kit.testing.TestTokens.as;
import static org.okrpm.kit.testing.TestTokens.asAdmin;
import static org.okrpm.kit.testing.TestTokens.asMember;
import static org.okrpm.kit.testing.TestTokens.asViewer;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.okrpm.checkin.CheckinFixtures;
import org.okrpm.checkin.okr.CyclePhase;
import org.okrpm.checkin.okr.ProgressSource;

/** Every write a request makes lands in checkin-service's audit trail, which only admins can read. */
@QuarkusTest
class AuditTrailTest {

    private static final String AUDIT = "/api/v1/admin/audit";

    @Inject
    CheckinFixtures fixtures;

    @Test
    void aRetrospectiveWrittenAndChangedIsRecordedWithActorRequestAndVersions() {
        String actor = "auditor-" + UUID.randomUUID();
        UUID cycle = fixtures.cycle(CyclePhase.RETROSPECTIVE);
        UUID objective = fixtures.objective(cycle, actor);
        String id = as(actor, "member").header("X-Request-Id", "req-create-" + actor)
                .body(Map.of("cycleId", cycle.toString(), "objectiveId", objective.toString(),
                        "wentWell", "Weekly check-ins"))
                .post("/api/v1/retrospectives").then().statusCode(201).extract().path("id");
        as(actor, "member").header("X-Request-Id", "req-update-" + actor).header("If-Match", "\"0\"")
                .body(Map.of("lessons", "Plan earlier")).patch("/api/v1/retrospectives/" + id)
                .then().statusCode(200);
        // rejected: a stale version changes nothing and records nothing
        as(actor, "member").header("If-Match", "\"0\"").body(Map.of("lessons", "Stale"))
                .patch("/api/v1/retrospectives/" + id).then().statusCode(412);

        asAdmin().queryParam("resourceType", "Retrospective").queryParam("resourceId", id).get(AUDIT)
                .then().statusCode(200)
                .body("totalItems", is(2))
                .body("items.action", contains("UPDATE", "CREATE"))
                .body("items.actor", everyItem(is(actor)))
                .body("items.requestId", contains("req-update-" + actor, "req-create-" + actor))
                .body("items.versionBefore", contains(0, null))
                .body("items.versionAfter", contains(1, 0))
                .body("items[0].operation", is("PATCH /api/v1/retrospectives/" + id));
    }

    @Test
    void aCheckInIsRecordedAndWritesWithoutARequestAreNot() {
        String actor = "checker-" + UUID.randomUUID();
        UUID keyResult = fixtures.keyResultIn(CyclePhase.EXECUTION, ProgressSource.MANUAL, actor);
        fixtures.checkInAgo(keyResult, actor, Duration.ofDays(1)); // no request: not a user write
        String id = as(actor, "member").header("X-Request-Id", "req-checkin-" + actor)
                .body(Map.of("keyResultId", keyResult.toString(), "confidence", 0.6, "value", 3))
                .post("/api/v1/check-ins").then().statusCode(201).extract().path("id");
        as(actor, "member").body(Map.of("keyResultId", keyResult.toString(), "confidence", 7))
                .post("/api/v1/check-ins").then().statusCode(400);

        asAdmin().queryParam("actor", actor).queryParam("resourceType", "CheckIn").get(AUDIT)
                .then().statusCode(200)
                .body("totalItems", is(1))
                .body("items.resourceType", contains("CheckIn"))
                .body("items.resourceId", contains(id))
                .body("items.requestId", contains("req-checkin-" + actor))
                .body("items[0].action", is("CREATE"))
                .body("items[0].versionBefore", nullValue())
                .body("items[0].versionAfter", is(0));
    }

    @Test
    void onlyAdminsReadTheTrail() {
        asMember().get(AUDIT).then().statusCode(403).contentType("application/problem+json");
        asViewer().get(AUDIT).then().statusCode(403);
    }

    @Test
    void pagesNewestFirstAndRefusesBadParameters() {
        String actor = "pager-" + UUID.randomUUID();
        UUID keyResult = fixtures.keyResultIn(CyclePhase.EXECUTION, ProgressSource.MANUAL, actor);
        String first = checkIn(actor, keyResult);
        String second = checkIn(actor, keyResult);
        asAdmin().queryParam("actor", actor).queryParam("resourceType", "CheckIn").queryParam("size", 1)
                .get(AUDIT)
                .then().statusCode(200).body("totalPages", is(2)).body("items.resourceId", contains(second));
        asAdmin().queryParam("actor", actor).queryParam("resourceType", "CheckIn").queryParam("size", 1)
                .queryParam("page", 1).get(AUDIT)
                .then().body("items.resourceId", contains(first));
        asAdmin().queryParam("to", "not-a-time").get(AUDIT).then().statusCode(400);
        asAdmin().queryParam("page", -1).get(AUDIT).then().statusCode(400);
    }

    private static String checkIn(String actor, UUID keyResult) {
        return as(actor, "member")
                .body(Map.of("keyResultId", keyResult.toString(), "confidence", 0.5, "value", 4))
                .post("/api/v1/check-ins").then().statusCode(201).extract().path("id");
    }
}

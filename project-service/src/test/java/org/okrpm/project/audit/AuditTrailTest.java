package org.okrpm.project.audit;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.okrpm.kit.testing.TestTokens.as;
import static org.okrpm.kit.testing.TestTokens.asAdmin;
import static org.okrpm.kit.testing.TestTokens.asMember;
import static org.okrpm.kit.testing.TestTokens.asViewer;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every write a request makes lands in project-service's audit trail, which only admins can read. */
@QuarkusTest
class AuditTrailTest {

    private static final String AUDIT = "/api/v1/admin/audit";

    @Test
    void createUpdateAndDeleteOfAProjectAreRecordedWithActorRequestAndVersions() {
        String actor = "auditor-" + UUID.randomUUID();
        String id = as(actor, "member").header("X-Request-Id", "req-create-" + actor)
                .body(Map.of("name", "Audited " + actor)).post("/api/v1/projects")
                .then().statusCode(201).extract().path("id");
        as(actor, "member").header("X-Request-Id", "req-update-" + actor).header("If-Match", "\"0\"")
                .body(Map.of("description", "Now with a description")).patch("/api/v1/projects/" + id)
                .then().statusCode(200);
        as(actor, "member").get("/api/v1/projects/" + id).then().statusCode(200); // a read: not recorded
        as(actor, "member").header("X-Request-Id", "req-delete-" + actor).header("If-Match", "\"1\"")
                .delete("/api/v1/projects/" + id).then().statusCode(204);

        asAdmin().queryParam("resourceType", "Project").queryParam("resourceId", id).get(AUDIT)
                .then().statusCode(200)
                .body("totalItems", is(3))
                .body("items.action", contains("DELETE", "UPDATE", "CREATE"))
                .body("items.actor", everyItem(is(actor)))
                .body("items.requestId", contains("req-delete-" + actor, "req-update-" + actor,
                        "req-create-" + actor))
                .body("items.versionBefore", contains(1, 0, null))
                .body("items.versionAfter", contains(null, 1, 0))
                .body("items[1].operation", is("PATCH /api/v1/projects/" + id));
    }

    @Test
    void aRejectedWriteLeavesNoEntry() {
        String actor = "rejected-" + UUID.randomUUID();
        String id = as(actor, "member").body(Map.of("name", "Guarded " + actor)).post("/api/v1/projects")
                .then().statusCode(201).extract().path("id");
        as(actor, "member").header("If-Match", "\"9\"").body(Map.of("description", "Stale"))
                .patch("/api/v1/projects/" + id).then().statusCode(412);
        as(actor, "member").header("If-Match", "\"9\"").delete("/api/v1/projects/" + id).then().statusCode(412);

        asAdmin().queryParam("actor", actor).get(AUDIT)
                .then().statusCode(200)
                .body("totalItems", is(1))
                .body("items.action", contains("CREATE"));
    }

    @Test
    void onlyAdminsReadTheTrail() {
        asMember().get(AUDIT).then().statusCode(403).contentType("application/problem+json");
        asViewer().get(AUDIT).then().statusCode(403);
    }

    @Test
    void filtersByTimeAndPagesNewestFirst() {
        String actor = "pager-" + UUID.randomUUID();
        Instant before = Instant.now();
        String first = as(actor, "member").body(Map.of("name", "First " + actor)).post("/api/v1/projects")
                .then().statusCode(201).extract().path("id");
        String second = as(actor, "member").body(Map.of("name", "Second " + actor)).post("/api/v1/projects")
                .then().statusCode(201).extract().path("id");
        asAdmin().queryParam("actor", actor).queryParam("resourceType", "Project").queryParam("size", 1).get(AUDIT)
                .then().statusCode(200).body("totalPages", is(2)).body("items.resourceId", contains(second));
        asAdmin().queryParam("actor", actor).queryParam("resourceType", "Project").queryParam("size", 1)
                .queryParam("page", 1).get(AUDIT)
                .then().body("items.resourceId", contains(first));
        asAdmin().queryParam("actor", actor).queryParam("to", before.toString()).get(AUDIT)
                .then().body("totalItems", is(0));
        asAdmin().queryParam("resourceType", "  ").get(AUDIT).then().statusCode(400);
        asAdmin().queryParam("size", 201).get(AUDIT).then().statusCode(400);
    }
}

package org.okrpm.checkin.review;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.okrpm.kit.testing.TestTokens.as;
import static org.okrpm.kit.testing.TestTokens.asAdmin;
import static org.okrpm.kit.testing.TestTokens.asViewer;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.okrpm.checkin.CheckinFixtures;
import org.okrpm.checkin.okr.CyclePhase;

/** Reviews belong to a cycle and can be changed and deleted by their creator, participants and admins. */
@QuarkusTest
class ReviewEditingTest {

    private static final String NOTES = "Wants to move to the platform team";

    @Inject
    CheckinFixtures fixtures;

    /** A team review of alice and bob in {@code cycle}, recorded by dave. */
    private static String teamReview(UUID cycle, List<String> objectiveIds) {
        Map<String, Object> body = new HashMap<>(Map.of("type", "TEAM_REVIEW", "teamId", "team-a",
                "participants", List.of("alice", "bob"), "objectiveIds", objectiveIds, "notes", "Revenue on track",
                "heldOn", "2026-11-20"));
        if (cycle != null) {
            body.put("cycleId", cycle.toString());
        }
        return as("dave", "member").body(body).post("/api/v1/reviews").then().statusCode(201)
                .body("cycleId", is(cycle == null ? null : cycle.toString())).extract().path("id");
    }

    /** A one-on-one of alice and bob, recorded by carol (who is not in it). */
    private static String oneOnOne() {
        return as("carol", "member").body(Map.of("type", "ONE_ON_ONE", "participants", List.of("alice", "bob"),
                        "notes", NOTES, "heldOn", "2026-11-21"))
                .post("/api/v1/reviews").then().statusCode(201).body("notes", nullValue()).extract().path("id");
    }

    @Test
    void aReviewBelongsToAnExistingCycleAndItsObjectivesToThatCycle() {
        UUID cycle = fixtures.cycle(CyclePhase.EXECUTION);
        UUID objective = fixtures.objective(cycle, "alice");
        String id = teamReview(cycle, List.of(objective.toString()));
        asViewer().get("/api/v1/reviews/" + id).then().statusCode(200).body("cycleId", is(cycle.toString()));

        Map<String, Object> body = new HashMap<>(Map.of("type", "TEAM_REVIEW", "teamId", "team-a",
                "participants", List.of("alice"), "heldOn", "2026-11-20", "cycleId", UUID.randomUUID().toString()));
        as("dave", "member").body(body).post("/api/v1/reviews")
                .then().statusCode(422).contentType("application/problem+json").body("errors[0].field", is("cycleId"));
        UUID elsewhere = fixtures.objective(fixtures.cycle(CyclePhase.EXECUTION), "alice");
        body.put("cycleId", cycle.toString());
        body.put("objectiveIds", List.of(elsewhere.toString()));
        as("dave", "member").body(body).post("/api/v1/reviews")
                .then().statusCode(422).body("errors[0].field", is("objectiveIds"))
                .body("detail", containsString("is not in cycle " + cycle));
    }

    @Test
    void theListFiltersByCycle() {
        UUID cycle = fixtures.cycle(CyclePhase.EXECUTION);
        String first = teamReview(cycle, List.of());
        String second = teamReview(cycle, List.of());
        teamReview(fixtures.cycle(CyclePhase.EXECUTION), List.of());
        teamReview(null, List.of());
        asViewer().queryParam("cycleId", cycle.toString()).queryParam("sort", "createdAt").get("/api/v1/reviews")
                .then().statusCode(200).body("items.id", contains(first, second)).body("totalItems", is(2));
        asViewer().queryParam("cycleId", "not-a-uuid").get("/api/v1/reviews").then().statusCode(400);
    }

    @Test
    void patchChangesTheReviewWithIfMatch() {
        UUID cycle = fixtures.cycle(CyclePhase.EXECUTION);
        UUID objective = fixtures.objective(cycle, "alice");
        String id = teamReview(null, List.of());

        as("bob", "member").contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body(Map.of("cycleId", cycle.toString(), "objectiveIds", List.of(objective.toString()),
                        "participants", List.of("alice", "bob", "erin"), "heldOn", "2026-11-27"))
                .patch("/api/v1/reviews/" + id)
                .then().statusCode(200).header("ETag", is("\"1\""))
                .body("cycleId", is(cycle.toString()))
                .body("objectiveIds", contains(objective.toString()))
                .body("participants", contains("alice", "bob", "erin"))
                .body("heldOn", is("2026-11-27"))
                .body("notes", is("Revenue on track"))
                .body("createdBy", is("dave"))
                .body("version", is(1));
        as("dave", "member").header("If-Match", "\"0\"").body(Map.of("notes", "stale"))
                .patch("/api/v1/reviews/" + id)
                .then().statusCode(412).contentType("application/problem+json");
        asViewer().get("/api/v1/reviews/" + id).then().body("notes", is("Revenue on track")).body("version", is(1));
    }

    @Test
    void patchKeepsTheCreateRules() {
        UUID cycle = fixtures.cycle(CyclePhase.EXECUTION);
        String id = teamReview(cycle, List.of());
        as("dave", "member").body(Map.of("type", "ONE_ON_ONE")).patch("/api/v1/reviews/" + id)
                .then().statusCode(400).body("errors[0].field", is("type"));
        Map<String, Object> noTeam = new HashMap<>();
        noTeam.put("teamId", null);
        as("dave", "member").body(noTeam).patch("/api/v1/reviews/" + id)
                .then().statusCode(400).body("errors[0].field", is("teamId"));
        as("dave", "member").body(Map.of("participants", List.of())).patch("/api/v1/reviews/" + id)
                .then().statusCode(400);
        UUID elsewhere = fixtures.objective(fixtures.cycle(CyclePhase.EXECUTION), "alice");
        as("dave", "member").body(Map.of("objectiveIds", List.of(elsewhere.toString())))
                .patch("/api/v1/reviews/" + id)
                .then().statusCode(422).body("errors[0].field", is("objectiveIds"));
        as("dave", "member").body(Map.of("cycleId", UUID.randomUUID().toString())).patch("/api/v1/reviews/" + id)
                .then().statusCode(422).body("errors[0].field", is("cycleId"));
        asViewer().get("/api/v1/reviews/" + id).then().body("version", is(0)).body("teamId", is("team-a"));
    }

    @Test
    void onlyTheCreatorParticipantsAndAdminsChangeOrDeleteIt() {
        String id = teamReview(null, List.of());
        as("mallory", "member").body(Map.of("notes", "mine now")).patch("/api/v1/reviews/" + id)
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", is("Only the creator, a participant or an admin may change review " + id));
        as("mallory", "member").delete("/api/v1/reviews/" + id).then().statusCode(403);
        asViewer().body(Map.of("notes", "x")).patch("/api/v1/reviews/" + id).then().statusCode(403);
        asViewer().delete("/api/v1/reviews/" + id).then().statusCode(403);
        as("dave", "member").body(Map.of("notes", "by the creator")).patch("/api/v1/reviews/" + id)
                .then().statusCode(200).body("notes", is("by the creator"));
        asAdmin().body(Map.of("notes", "by an admin")).patch("/api/v1/reviews/" + id)
                .then().statusCode(200).body("notes", is("by an admin"));
        asViewer().get("/api/v1/reviews/" + id).then().body("notes", is("by an admin"));
    }

    @Test
    void deleteHonoursIfMatchAndRemovesTheReview() {
        String id = teamReview(null, List.of());
        as("alice", "member").header("If-Match", "\"7\"").delete("/api/v1/reviews/" + id)
                .then().statusCode(412).contentType("application/problem+json");
        asViewer().get("/api/v1/reviews/" + id).then().statusCode(200);
        as("alice", "member").header("If-Match", "\"0\"").delete("/api/v1/reviews/" + id).then().statusCode(204);
        asViewer().get("/api/v1/reviews/" + id).then().statusCode(404);
        as("alice", "member").delete("/api/v1/reviews/" + id).then().statusCode(404);
        as("alice", "member").body(Map.of("notes", "x")).patch("/api/v1/reviews/" + UUID.randomUUID())
                .then().statusCode(404);
    }

    @Test
    void aOneOnOnesNotesStayPrivateInPatchAnswers() {
        String id = oneOnOne();
        // carol recorded it but is no participant: she may move it, the answer keeps its notes from her
        as("carol", "member").body(Map.of("heldOn", "2026-11-22")).patch("/api/v1/reviews/" + id)
                .then().statusCode(200).body("heldOn", is("2026-11-22")).body("notes", nullValue());
        // and she may not overwrite notes she cannot read
        as("carol", "member").body(Map.of("notes", "overwritten")).patch("/api/v1/reviews/" + id)
                .then().statusCode(403).body("detail", containsString("participants of a ONE_ON_ONE"));
        as("alice", "member").body(Map.of("notes", NOTES + ", next quarter")).patch("/api/v1/reviews/" + id)
                .then().statusCode(200).body("notes", is(NOTES + ", next quarter"));
        // alice hands the meeting over to erin: her own answer no longer shows the notes
        as("alice", "member").body(Map.of("participants", List.of("bob", "erin"))).patch("/api/v1/reviews/" + id)
                .then().statusCode(200).body("participants", contains("bob", "erin")).body("notes", nullValue());
        as("erin", "member").get("/api/v1/reviews/" + id).then().body("notes", is(NOTES + ", next quarter"));
        asAdmin().body(Map.of("heldOn", "2026-11-23")).patch("/api/v1/reviews/" + id)
                .then().statusCode(200).body("notes", is(NOTES + ", next quarter"));
    }
}

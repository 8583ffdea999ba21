package org.okrpm.checkin.review;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.okrpm.kit.testing.TestTokens.as;
import static org.okrpm.kit.testing.TestTokens.asMember;
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

@QuarkusTest
class ReviewResourceTest {

    @Inject
    CheckinFixtures fixtures;

    private UUID objective() {
        return fixtures.objective(fixtures.cycle(CyclePhase.EXECUTION), "alice");
    }

    private static Map<String, Object> teamReview(String teamId, List<?> objectiveIds, String heldOn) {
        Map<String, Object> body = new HashMap<>(Map.of("type", "TEAM_REVIEW", "participants",
                List.of("alice", "bob", "carol"), "objectiveIds", objectiveIds, "notes", "Revenue on track",
                "heldOn", heldOn));
        if (teamId != null) {
            body.put("teamId", teamId);
        }
        return body;
    }

    @Test
    void teamReviewIsRecordedWithTheCallerAsCreator() {
        UUID objective = objective();
        var created = as("dave", "member").body(teamReview("team-a", List.of(objective.toString()), "2026-11-20"))
                .post("/api/v1/reviews")
                .then().statusCode(201)
                .body("id", notNullValue())
                .body("type", is("TEAM_REVIEW"))
                .body("teamId", is("team-a"))
                .body("participants", contains("alice", "bob", "carol"))
                .body("objectiveIds", contains(objective.toString()))
                .body("notes", is("Revenue on track"))
                .body("heldOn", is("2026-11-20"))
                .body("createdBy", is("dave"))
                .body("createdAt", notNullValue())
                .body("version", is(0))
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location"), endsWith("/api/v1/reviews/" + id));
        asViewer().get("/api/v1/reviews/" + id).then().statusCode(200).header("ETag", is("\"0\""))
                .body("participants", contains("alice", "bob", "carol"));
    }

    @Test
    void oneOnOneHasExactlyTwoDifferentParticipants() {
        Map<String, Object> body = new HashMap<>(Map.of("type", "ONE_ON_ONE", "heldOn", "2026-11-21",
                "participants", List.of("alice", "bob")));
        asMember().body(body).post("/api/v1/reviews").then().statusCode(201).body("teamId", is((Object) null));

        body.put("participants", List.of("alice", "bob", "carol"));
        asMember().body(body).post("/api/v1/reviews")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("participants"));
        body.put("participants", List.of("alice", "alice"));
        asMember().body(body).post("/api/v1/reviews").then().statusCode(400);
        body.put("participants", List.of("alice"));
        asMember().body(body).post("/api/v1/reviews").then().statusCode(400);
    }

    @Test
    void teamReviewNeedsATeam() {
        asMember().body(teamReview(null, List.of(), "2026-11-20")).post("/api/v1/reviews")
                .then().statusCode(400).body("errors[0].field", is("teamId"));
    }

    @Test
    void typeDateAndParticipantsAreRequired() {
        asMember().body(Map.of("teamId", "team-a")).post("/api/v1/reviews")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItems("type", "heldOn", "participants"));
        asMember().body(Map.of("type", "TEAM_REVIEW", "teamId", "t", "heldOn", "2026-11-20", "participants", List.of()))
                .post("/api/v1/reviews").then().statusCode(400).body("errors[0].field", is("participants"));
        asMember().body(Map.of("type", "RETRO", "teamId", "t", "heldOn", "2026-11-20", "participants", List.of("a")))
                .post("/api/v1/reviews").then().statusCode(400).body("errors[0].field", is("type"));
    }

    @Test
    void unknownObjectiveIsUnprocessable() {
        asMember().body(teamReview("team-a", List.of(UUID.randomUUID().toString()), "2026-11-20"))
                .post("/api/v1/reviews")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", is("objectiveIds"));
    }

    @Test
    void listFiltersByTeamAndObjectiveLatestMeetingFirst() {
        String team = "team-" + UUID.randomUUID();
        UUID discussed = objective();
        UUID other = objective();
        String early = asMember().body(teamReview(team, List.of(discussed.toString()), "2026-10-02"))
                .post("/api/v1/reviews").then().statusCode(201).extract().path("id");
        String late = asMember().body(teamReview(team, List.of(discussed.toString(), other.toString()), "2026-11-13"))
                .post("/api/v1/reviews").then().statusCode(201).extract().path("id");
        String middle = asMember().body(teamReview(team, List.of(), "2026-10-16"))
                .post("/api/v1/reviews").then().statusCode(201).extract().path("id");
        String elsewhere = asMember().body(teamReview("team-" + UUID.randomUUID(), List.of(other.toString()),
                "2026-11-01")).post("/api/v1/reviews").then().statusCode(201).extract().path("id");

        asViewer().queryParam("teamId", team).get("/api/v1/reviews")
                .then().statusCode(200).body("items.id", contains(late, middle, early)).body("totalItems", is(3));
        asViewer().queryParam("objectiveId", discussed).get("/api/v1/reviews")
                .then().statusCode(200).body("items.id", contains(late, early))
                .body("items[0].objectiveIds.size()", is(2));
        asViewer().queryParam("objectiveId", other).get("/api/v1/reviews")
                .then().statusCode(200).body("items.id", contains(late, elsewhere));
        asViewer().queryParam("objectiveId", other).queryParam("teamId", team).get("/api/v1/reviews")
                .then().statusCode(200).body("items.id", contains(late));
        asViewer().queryParam("teamId", team).queryParam("size", 2).queryParam("page", 1).get("/api/v1/reviews")
                .then().statusCode(200).body("items.id", contains(early)).body("totalPages", is(2));
    }

    @Test
    void unknownReviewIsNotFound() {
        asViewer().get("/api/v1/reviews/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void reviewsSortByMeetingDayAndRecordingOrderEitherWay() {
        String team = "team-" + UUID.randomUUID();
        List<String> objectives = List.of(objective().toString());
        String[] ids = new String[3];
        String[] heldOn = {"2026-11-10", "2026-11-20", "2026-11-10"};
        for (int i = 0; i < 3; i++) {
            ids[i] = asMember().body(teamReview(team, objectives, heldOn[i])).post("/api/v1/reviews")
                    .then().statusCode(201).extract().path("id");
        }
        String list = "/api/v1/reviews?teamId=" + team;

        asViewer().get(list).then().statusCode(200).body("items.id", contains(ids[1], ids[2], ids[0]));
        asViewer().queryParam("sort", "heldOn,-createdAt").get(list)
                .then().statusCode(200).body("items.id", contains(ids[2], ids[0], ids[1]));
        asViewer().queryParam("sort", "-heldOn,createdAt").get(list)
                .then().statusCode(200).body("items.id", contains(ids[1], ids[0], ids[2]));
        asViewer().queryParam("sort", "notes").get(list)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", is("sort"));
    }
}

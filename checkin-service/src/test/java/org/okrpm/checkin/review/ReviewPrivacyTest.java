package org.okrpm.checkin.review;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.okrpm.kit.testing.TestTokens.as;
import static org.okrpm.kit.testing.TestTokens.asAdmin;
import static org.okrpm.kit.testing.TestTokens.asViewer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;
import org.okrpm.checkin.CheckinFixtures;
import org.okrpm.checkin.okr.CyclePhase;

/** A ONE_ON_ONE's notes are for its participants and admins only; everything else about it stays visible. */
@QuarkusTest
class ReviewPrivacyTest {

    private static final String NOTES = "Wants to move to the platform team";

    @Inject
    CheckinFixtures fixtures;

    /** A one-on-one of alice and bob about a fresh objective, recorded by alice. */
    private String[] oneOnOne() {
        UUID objective = fixtures.objective(fixtures.cycle(CyclePhase.EXECUTION), "alice");
        String id = as("alice", "member").body(Map.of("type", "ONE_ON_ONE", "participants", List.of("alice", "bob"),
                        "objectiveIds", List.of(objective.toString()), "notes", NOTES, "heldOn", "2026-11-21"))
                .post("/api/v1/reviews").then().statusCode(201).body("notes", is(NOTES)).extract().path("id");
        return new String[] {id, objective.toString()};
    }

    private static void seesNotes(RequestSpecification caller, String[] review, Matcher<?> notes) {
        caller.get("/api/v1/reviews/" + review[0]).then().statusCode(200)
                .body("participants", contains("alice", "bob")).body("notes", notes);
        caller.queryParam("objectiveId", review[1]).get("/api/v1/reviews").then().statusCode(200)
                .body("items.id", contains(review[0])).body("items[0].notes", notes);
    }

    @Test
    void participantsAndAdminsReadTheNotes() {
        String[] review = oneOnOne();
        seesNotes(as("alice", "member"), review, is(NOTES));
        seesNotes(as("bob", "member"), review, is(NOTES));
        seesNotes(asAdmin(), review, is(NOTES));
    }

    @Test
    void anyoneElseGetsTheReviewWithoutItsNotes() {
        String[] review = oneOnOne();
        seesNotes(as("mallory", "member"), review, nullValue());
        seesNotes(asViewer(), review, nullValue());
    }

    @Test
    void teamReviewNotesStayVisibleToEveryReader() {
        String id = as("alice", "member").body(Map.of("type", "TEAM_REVIEW", "teamId", "team-a",
                        "participants", List.of("alice", "bob"), "notes", "Revenue on track", "heldOn", "2026-11-22"))
                .post("/api/v1/reviews").then().statusCode(201).extract().path("id");
        asViewer().get("/api/v1/reviews/" + id).then().statusCode(200).body("notes", is("Revenue on track"));
    }
}

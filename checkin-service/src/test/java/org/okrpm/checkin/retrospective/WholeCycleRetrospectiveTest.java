package org.okrpm.checkin.retrospective;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.okrpm.kit.testing.TestTokens.as;
import static org.okrpm.kit.testing.TestTokens.asMember;
import static org.okrpm.kit.testing.TestTokens.asViewer;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.okrpm.checkin.CheckinFixtures;
import org.okrpm.checkin.okr.CyclePhase;

/** A retrospective without an objective covers a whole cycle for one team: one per cycle and team. */
@QuarkusTest
class WholeCycleRetrospectiveTest {

    @Inject
    CheckinFixtures fixtures;

    private static Map<String, Object> wholeCycle(UUID cycle, String teamId) {
        return Map.of("cycleId", cycle.toString(), "teamId", teamId, "wentWell", "Shipped the onboarding flow",
                "lessons", "Fewer key results");
    }

    @Test
    void aTeamWritesOneRetrospectiveForTheWholeCycle() {
        UUID cycle = fixtures.cycle(CyclePhase.RETROSPECTIVE);
        String id = as("erin", "member").body(wholeCycle(cycle, " team-a ")).post("/api/v1/retrospectives")
                .then().statusCode(201)
                .body("cycleId", is(cycle.toString()))
                .body("objectiveId", nullValue())
                .body("teamId", is("team-a"))
                .body("authorId", is("erin"))
                .extract().path("id");
        asViewer().get("/api/v1/retrospectives/" + id).then().statusCode(200)
                .body("teamId", is("team-a")).body("objectiveId", nullValue());

        asMember().body(wholeCycle(cycle, "team-a")).post("/api/v1/retrospectives")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("Team team-a already has a whole-cycle retrospective"));
        // another team, another cycle: fine
        asMember().body(wholeCycle(cycle, "team-b")).post("/api/v1/retrospectives").then().statusCode(201);
        UUID next = fixtures.cycle(CyclePhase.RETROSPECTIVE);
        asMember().body(wholeCycle(next, "team-a")).post("/api/v1/retrospectives").then().statusCode(201);
    }

    @Test
    void itLivesNextToTheObjectivesRetrospectives() {
        UUID cycle = fixtures.cycle(CyclePhase.RETROSPECTIVE);
        String objectives = asMember().body(Map.of("cycleId", cycle.toString(),
                        "objectiveId", fixtures.objective(cycle, "alice").toString(), "wentWell", "x"))
                .post("/api/v1/retrospectives").then().statusCode(201).body("teamId", nullValue()).extract().path("id");
        asMember().body(Map.of("cycleId", cycle.toString(), "objectiveId", fixtures.objective(cycle, "bob").toString(),
                "wentWell", "y")).post("/api/v1/retrospectives").then().statusCode(201);
        String team = asMember().body(wholeCycle(cycle, "team-a")).post("/api/v1/retrospectives")
                .then().statusCode(201).extract().path("id");

        asViewer().queryParam("cycleId", cycle.toString()).get("/api/v1/retrospectives")
                .then().statusCode(200).body("totalItems", is(3));
        asViewer().queryParam("cycleId", cycle.toString()).queryParam("teamId", "team-a").get("/api/v1/retrospectives")
                .then().statusCode(200).body("items.id", contains(team));
        asViewer().get("/api/v1/retrospectives/" + objectives).then().body("teamId", nullValue());
    }

    @Test
    void itNeedsATeamAndTakesNoObjective() {
        UUID cycle = fixtures.cycle(CyclePhase.RETROSPECTIVE);
        asMember().body(Map.of("cycleId", cycle.toString(), "wentWell", "x")).post("/api/v1/retrospectives")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("objectiveId"));
        asMember().body(Map.of("cycleId", cycle.toString(), "teamId", " ", "wentWell", "x"))
                .post("/api/v1/retrospectives").then().statusCode(400).body("errors[0].field", is("objectiveId"));
        asMember().body(Map.of("cycleId", cycle.toString(), "teamId", "team-a",
                        "objectiveId", fixtures.objective(cycle, "alice").toString(), "wentWell", "x"))
                .post("/api/v1/retrospectives").then().statusCode(400).body("errors[0].field", is("teamId"));
        asMember().body(Map.of("cycleId", cycle.toString(), "teamId", "t".repeat(101), "wentWell", "x"))
                .post("/api/v1/retrospectives").then().statusCode(400).body("errors[0].field", is("teamId"));
    }

    @Test
    void theCycleRulesApplyToo() {
        asMember().body(wholeCycle(UUID.randomUUID(), "team-a")).post("/api/v1/retrospectives")
                .then().statusCode(422).body("errors[0].field", is("cycleId"));
        asMember().body(wholeCycle(fixtures.cycle(CyclePhase.EXECUTION), "team-a")).post("/api/v1/retrospectives")
                .then().statusCode(409).body("detail", containsString("RETROSPECTIVE"));
        UUID cycle = fixtures.cycle(CyclePhase.RETROSPECTIVE);
        asMember().body(Map.of("cycleId", cycle.toString(), "teamId", "team-a", "wentWell", " "))
                .post("/api/v1/retrospectives").then().statusCode(400).body("errors[0].field", is("wentWell"));
    }

    @Test
    void itsTextChangesWithPatchLikeAnyOther() {
        UUID cycle = fixtures.cycle(CyclePhase.RETROSPECTIVE);
        String id = asMember().body(wholeCycle(cycle, "team-a")).post("/api/v1/retrospectives")
                .then().statusCode(201).extract().path("id");
        asMember().header("If-Match", "\"0\"").body(Map.of("toImprove", "Check in weekly"))
                .patch("/api/v1/retrospectives/" + id)
                .then().statusCode(200).body("toImprove", is("Check in weekly")).body("teamId", is("team-a"))
                .body("version", is(1));
        asMember().body(Map.of("teamId", "team-b")).patch("/api/v1/retrospectives/" + id)
                .then().statusCode(400).body("errors[0].field", is("teamId"));
    }
}

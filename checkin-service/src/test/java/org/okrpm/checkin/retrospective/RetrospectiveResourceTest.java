package org.okrpm.checkin.retrospective;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
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

@QuarkusTest
class RetrospectiveResourceTest {

    @Inject
    CheckinFixtures fixtures;

    private static Map<String, Object> body(UUID cycle, UUID objective) {
        return Map.of("cycleId", cycle.toString(), "objectiveId", objective.toString(),
                "wentWell", "Weekly check-ins", "toImprove", "Owners for every KR", "lessons", "Plan earlier");
    }

    private static String create(UUID cycle, UUID objective) {
        return asMember().body(body(cycle, objective)).post("/api/v1/retrospectives")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void retrospectiveIsWrittenWhileTheCycleIsInRetrospective() {
        UUID cycle = fixtures.cycle(CyclePhase.RETROSPECTIVE);
        UUID objective = fixtures.objective(cycle, "alice");
        var created = as("erin", "member").body(body(cycle, objective)).post("/api/v1/retrospectives")
                .then().statusCode(201)
                .body("cycleId", is(cycle.toString()))
                .body("objectiveId", is(objective.toString()))
                .body("wentWell", is("Weekly check-ins"))
                .body("toImprove", is("Owners for every KR"))
                .body("lessons", is("Plan earlier"))
                .body("authorId", is("erin"))
                .body("version", is(0))
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location"), endsWith("/api/v1/retrospectives/" + id));
        asViewer().get("/api/v1/retrospectives/" + id).then().statusCode(200).header("ETag", is("\"0\""));
    }

    @Test
    void outsideRetrospectiveItIsAConflict() {
        for (CyclePhase phase : new CyclePhase[] {CyclePhase.PLANNING, CyclePhase.EXECUTION, CyclePhase.CLOSED}) {
            UUID cycle = fixtures.cycle(phase);
            asMember().body(body(cycle, fixtures.objective(cycle, "alice"))).post("/api/v1/retrospectives")
                    .then().statusCode(409).contentType("application/problem+json");
        }
    }

    @Test
    void unknownCycleIsUnprocessable() {
        UUID objective = fixtures.objective(fixtures.cycle(CyclePhase.RETROSPECTIVE), "alice");
        asMember().body(body(UUID.randomUUID(), objective)).post("/api/v1/retrospectives")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", is("cycleId"));
    }

    @Test
    void objectiveMustExistInThatCycle() {
        UUID cycle = fixtures.cycle(CyclePhase.RETROSPECTIVE);
        asMember().body(body(cycle, UUID.randomUUID())).post("/api/v1/retrospectives")
                .then().statusCode(422).body("errors[0].field", is("objectiveId"));
        UUID elsewhere = fixtures.objective(fixtures.cycle(CyclePhase.RETROSPECTIVE), "alice");
        asMember().body(body(cycle, elsewhere)).post("/api/v1/retrospectives")
                .then().statusCode(422).body("errors[0].field", is("objectiveId"));
        UUID deleted = fixtures.objective(cycle, "alice");
        fixtures.deleteObjective(deleted);
        asMember().body(body(cycle, deleted)).post("/api/v1/retrospectives")
                .then().statusCode(422);
    }

    @Test
    void oneRetrospectivePerObjective() {
        UUID cycle = fixtures.cycle(CyclePhase.RETROSPECTIVE);
        UUID objective = fixtures.objective(cycle, "alice");
        create(cycle, objective);
        asMember().body(body(cycle, objective)).post("/api/v1/retrospectives")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void aRetrospectiveMustSaySomething() {
        UUID cycle = fixtures.cycle(CyclePhase.RETROSPECTIVE);
        asMember().body(Map.of("cycleId", cycle.toString(), "objectiveId", fixtures.objective(cycle, "a").toString(),
                        "wentWell", " "))
                .post("/api/v1/retrospectives")
                .then().statusCode(400).body("errors[0].field", is("wentWell"));
        asMember().body(Map.of("wentWell", "x")).post("/api/v1/retrospectives")
                .then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItems("cycleId"));
    }

    @Test
    void listFiltersByCycleAndObjective() {
        UUID cycle = fixtures.cycle(CyclePhase.RETROSPECTIVE);
        UUID first = fixtures.objective(cycle, "alice");
        UUID second = fixtures.objective(cycle, "bob");
        String a = create(cycle, first);
        String b = create(cycle, second);
        UUID otherCycle = fixtures.cycle(CyclePhase.RETROSPECTIVE);
        create(otherCycle, fixtures.objective(otherCycle, "alice"));

        asViewer().queryParam("cycleId", cycle).get("/api/v1/retrospectives")
                .then().statusCode(200).body("items.id", contains(a, b)).body("totalItems", is(2));
        asViewer().queryParam("objectiveId", second).get("/api/v1/retrospectives")
                .then().statusCode(200).body("items.id", contains(b));
        asViewer().queryParam("cycleId", cycle).queryParam("size", 1).get("/api/v1/retrospectives")
                .then().statusCode(200).body("items.id", contains(a)).body("totalPages", is(2));
    }

    @Test
    void patchChangesTheTextWithIfMatchWhileInRetrospective() {
        UUID cycle = fixtures.cycle(CyclePhase.RETROSPECTIVE);
        String id = create(cycle, fixtures.objective(cycle, "alice"));

        asMember().contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body(Map.of("lessons", "Plan much earlier"))
                .patch("/api/v1/retrospectives/" + id)
                .then().statusCode(200)
                .header("ETag", is("\"1\""))
                .body("lessons", is("Plan much earlier"))
                .body("wentWell", is("Weekly check-ins"))
                .body("version", is(1));
        asMember().header("If-Match", "\"0\"").body(Map.of("lessons", "stale"))
                .patch("/api/v1/retrospectives/" + id)
                .then().statusCode(412).contentType("application/problem+json");
        asMember().body(Map.of("objectiveId", UUID.randomUUID().toString()))
                .patch("/api/v1/retrospectives/" + id)
                .then().statusCode(400).body("errors[0].field", is("objectiveId"));

        fixtures.movePhase(cycle, CyclePhase.CLOSED);
        asMember().body(Map.of("lessons", "too late")).patch("/api/v1/retrospectives/" + id)
                .then().statusCode(409);
        asViewer().get("/api/v1/retrospectives/" + id).then().body("lessons", is("Plan much earlier"));
    }

    @Test
    void unknownRetrospectiveIsNotFound() {
        asViewer().get("/api/v1/retrospectives/" + UUID.randomUUID()).then().statusCode(404);
        asMember().body(Map.of("lessons", "x")).patch("/api/v1/retrospectives/" + UUID.randomUUID())
                .then().statusCode(404);
    }
}

package org.okrpm.checkin.checkin;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.okrpm.kit.testing.TestTokens.asViewer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.okrpm.checkin.CheckinFixtures;
import org.okrpm.checkin.okr.CyclePhase;
import org.okrpm.checkin.okr.ProgressSource;

/** {@code GET /check-ins/due}. Every test uses an owner of its own, so tests do not see each other's data. */
@QuarkusTest
class DueCheckInsTest {

    @Inject
    CheckinFixtures fixtures;

    private static RequestSpecification dueFor(String owner) {
        return asViewer().queryParam("ownerId", owner);
    }

    private static String newOwner() {
        return "owner-" + UUID.randomUUID();
    }

    @Test
    void aKeyResultWithAnOldCheckInIsDueAndOneWithAFreshCheckInIsNot() {
        String owner = newOwner();
        UUID cycle = fixtures.cycle(CyclePhase.EXECUTION);
        UUID objective = fixtures.objective(cycle, owner);
        UUID stale = fixtures.keyResult(objective, ProgressSource.MANUAL);
        UUID fresh = fixtures.keyResult(objective, ProgressSource.MANUAL);
        fixtures.checkInAgo(stale, "alice", Duration.ofDays(30));
        fixtures.checkInAgo(stale, "alice", Duration.ofDays(10).plusHours(1));
        fixtures.checkInAgo(fresh, "alice", Duration.ofDays(2));

        dueFor(owner).get("/api/v1/check-ins/due")
                .then().statusCode(200)
                .body("items.keyResultId", contains(stale.toString()))
                .body("items[0].objectiveId", is(objective.toString()))
                .body("items[0].cycleId", is(cycle.toString()))
                .body("items[0].ownerId", is(owner))
                .body("items[0].title", is("Revenue"))
                .body("items[0].lastCheckInAt", notNullValue())
                .body("items[0].daysSinceLastCheckIn", is(10))
                .body("totalItems", is(1));
    }

    @Test
    void daysSetsTheWindow() {
        String owner = newOwner();
        UUID kr = fixtures.keyResult(fixtures.objective(fixtures.cycle(CyclePhase.EXECUTION), owner),
                ProgressSource.MANUAL);
        fixtures.checkInAgo(kr, "alice", Duration.ofDays(2));

        dueFor(owner).queryParam("days", 1).get("/api/v1/check-ins/due")
                .then().statusCode(200).body("items.keyResultId", contains(kr.toString()))
                .body("items[0].daysSinceLastCheckIn", is(2));
        dueFor(owner).queryParam("days", 3).get("/api/v1/check-ins/due")
                .then().statusCode(200).body("items", empty());
        dueFor(owner).get("/api/v1/check-ins/due")
                .then().statusCode(200).body("items", empty());
    }

    @Test
    void aKeyResultNeverCheckedInIsDueAndComesFirst() {
        String owner = newOwner();
        UUID objective = fixtures.objective(fixtures.cycle(CyclePhase.EXECUTION), owner);
        UUID old = fixtures.keyResult(objective, ProgressSource.MANUAL);
        UUID older = fixtures.keyResult(objective, ProgressSource.MANUAL);
        UUID never = fixtures.keyResult(objective, ProgressSource.MANUAL);
        fixtures.checkInAgo(old, "alice", Duration.ofDays(8));
        fixtures.checkInAgo(older, "alice", Duration.ofDays(20));

        dueFor(owner).get("/api/v1/check-ins/due")
                .then().statusCode(200)
                .body("items.keyResultId", contains(never.toString(), older.toString(), old.toString()))
                .body("items[0].lastCheckInAt", nullValue())
                .body("items[0].daysSinceLastCheckIn", nullValue());
    }

    @Test
    void aCheckInThroughTheApiTakesAKeyResultOffTheList() {
        String owner = newOwner();
        UUID kr = fixtures.keyResultIn(CyclePhase.EXECUTION, ProgressSource.MANUAL, owner);
        dueFor(owner).get("/api/v1/check-ins/due").then().body("items.keyResultId", contains(kr.toString()));
        CheckinFixtures.checkIn(kr, 12);
        dueFor(owner).get("/api/v1/check-ins/due").then().body("items", empty());
    }

    @Test
    void tasksKeyResultsAreNeverDue() {
        String owner = newOwner();
        UUID objective = fixtures.objective(fixtures.cycle(CyclePhase.EXECUTION), owner);
        fixtures.keyResult(objective, ProgressSource.TASKS);
        UUID manual = fixtures.keyResult(objective, ProgressSource.MANUAL);
        dueFor(owner).get("/api/v1/check-ins/due")
                .then().statusCode(200).body("items.keyResultId", contains(manual.toString()));
    }

    @Test
    void keyResultsOfCyclesNotInExecutionAreNeverDue() {
        String owner = newOwner();
        for (CyclePhase phase : new CyclePhase[] {CyclePhase.PLANNING, CyclePhase.RETROSPECTIVE, CyclePhase.CLOSED}) {
            fixtures.keyResultIn(phase, ProgressSource.MANUAL, owner);
        }
        dueFor(owner).get("/api/v1/check-ins/due").then().statusCode(200).body("items", empty());
    }

    @Test
    void deletedKeyResultsAndObjectivesAreNeverDue() {
        String owner = newOwner();
        UUID cycle = fixtures.cycle(CyclePhase.EXECUTION);
        UUID objective = fixtures.objective(cycle, owner);
        fixtures.deleteKeyResult(fixtures.keyResult(objective, ProgressSource.MANUAL));
        UUID goneObjective = fixtures.objective(cycle, owner);
        fixtures.keyResult(goneObjective, ProgressSource.MANUAL);
        fixtures.deleteObjective(goneObjective);
        dueFor(owner).get("/api/v1/check-ins/due").then().statusCode(200).body("items", empty());
    }

    @Test
    void filtersByOwnerAndByCycle() {
        String alice = newOwner();
        String bob = newOwner();
        UUID cycleA = fixtures.cycle(CyclePhase.EXECUTION);
        UUID cycleB = fixtures.cycle(CyclePhase.EXECUTION);
        UUID aliceInA = fixtures.keyResult(fixtures.objective(cycleA, alice), ProgressSource.MANUAL);
        UUID aliceInB = fixtures.keyResult(fixtures.objective(cycleB, alice), ProgressSource.MANUAL);
        UUID bobInA = fixtures.keyResult(fixtures.objective(cycleA, bob), ProgressSource.MANUAL);

        dueFor(alice).get("/api/v1/check-ins/due")
                .then().body("items.keyResultId", containsInAnyOrder(aliceInA.toString(), aliceInB.toString()));
        dueFor(alice).queryParam("cycleId", cycleB).get("/api/v1/check-ins/due")
                .then().body("items.keyResultId", contains(aliceInB.toString()));
        asViewer().queryParam("cycleId", cycleA).get("/api/v1/check-ins/due")
                .then().body("items.keyResultId", containsInAnyOrder(aliceInA.toString(), bobInA.toString()))
                .body("items.ownerId", containsInAnyOrder(alice, bob));
    }

    @Test
    void dueListIsPaginated() {
        String owner = newOwner();
        UUID objective = fixtures.objective(fixtures.cycle(CyclePhase.EXECUTION), owner);
        for (int i = 0; i < 3; i++) {
            fixtures.keyResult(objective, ProgressSource.MANUAL);
        }
        dueFor(owner).queryParam("size", 2).queryParam("page", 1).get("/api/v1/check-ins/due")
                .then().statusCode(200)
                .body("items.size()", is(1))
                .body("page", is(1))
                .body("size", is(2))
                .body("totalItems", is(3))
                .body("totalPages", is(2));
    }

    @Test
    void daysMustBeBetween1And365() {
        for (Object days : new Object[] {0, 366, -1}) {
            asViewer().queryParam("days", days).get("/api/v1/check-ins/due")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", is("days"));
        }
        asViewer().queryParam("days", 365).get("/api/v1/check-ins/due").then().statusCode(200);
        asViewer().queryParam("days", "week").get("/api/v1/check-ins/due")
                .then().statusCode(400).contentType("application/problem+json");
    }
}

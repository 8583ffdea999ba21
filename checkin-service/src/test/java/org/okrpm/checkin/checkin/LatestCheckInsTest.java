package org.okrpm.checkin.checkin;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.is;
import static org.okrpm.kit.testing.TestTokens.asViewer;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.okrpm.checkin.CheckinFixtures;
import org.okrpm.checkin.okr.CyclePhase;
import org.okrpm.checkin.okr.ProgressSource;

/** {@code ?cycleId=} and {@code ?latest=true}: the newest check-in of every key result of a cycle in one call. */
@QuarkusTest
class LatestCheckInsTest {

    @Inject
    CheckinFixtures fixtures;

    @Test
    void cycleIdKeepsTheCheckInsOfTheCyclesKeyResults() {
        UUID cycle = fixtures.cycle(CyclePhase.EXECUTION);
        UUID first = fixtures.keyResult(fixtures.objective(cycle, "alice"), ProgressSource.MANUAL);
        UUID second = fixtures.keyResult(fixtures.objective(cycle, "bob"), ProgressSource.MANUAL);
        String a = fixtures.checkInAgo(first, "alice", Duration.ofDays(3)).toString();
        String b = fixtures.checkInAgo(second, "bob", Duration.ofDays(2)).toString();
        String c = fixtures.checkInAgo(first, "alice", Duration.ofDays(1)).toString();
        fixtures.checkInAgo(fixtures.manualKeyResultInExecution(), "alice", Duration.ofDays(1));

        asViewer().queryParam("cycleId", cycle).get("/api/v1/check-ins")
                .then().statusCode(200)
                .body("items.id", contains(c, b, a))
                .body("totalItems", is(3));
        asViewer().queryParam("cycleId", UUID.randomUUID()).get("/api/v1/check-ins")
                .then().statusCode(200).body("totalItems", is(0));
    }

    @Test
    void latestKeepsTheNewestCheckInOfEachKeyResult() {
        UUID cycle = fixtures.cycle(CyclePhase.EXECUTION);
        UUID first = fixtures.keyResult(fixtures.objective(cycle, "alice"), ProgressSource.MANUAL);
        UUID second = fixtures.keyResult(fixtures.objective(cycle, "bob"), ProgressSource.MANUAL);
        UUID silent = fixtures.keyResult(fixtures.objective(cycle, "carl"), ProgressSource.MANUAL);
        fixtures.checkInAgo(first, "alice", Duration.ofDays(8));
        String firstNewest = fixtures.checkInAgo(first, "bob", Duration.ofDays(1)).toString();
        fixtures.checkInAgo(second, "bob", Duration.ofDays(9));
        String secondNewest = fixtures.checkInAgo(second, "bob", Duration.ofDays(2)).toString();

        asViewer().queryParam("cycleId", cycle).queryParam("latest", true).get("/api/v1/check-ins")
                .then().statusCode(200)
                .body("items.id", contains(firstNewest, secondNewest))
                .body("items.keyResultId", containsInAnyOrder(first.toString(), second.toString()))
                .body("totalItems", is(2)); // the key result without check-ins has none
        asViewer().queryParam("keyResultId", first).queryParam("latest", true).get("/api/v1/check-ins")
                .then().statusCode(200).body("items.id", contains(firstNewest));
        // the other filters apply to the newest ones: alice's check-in on `first` is no longer its newest
        asViewer().queryParam("cycleId", cycle).queryParam("latest", true).queryParam("authorId", "alice")
                .get("/api/v1/check-ins")
                .then().statusCode(200).body("totalItems", is(0));
        asViewer().queryParam("cycleId", cycle).queryParam("latest", false).get("/api/v1/check-ins")
                .then().statusCode(200).body("totalItems", is(4));
        asViewer().queryParam("keyResultId", silent).queryParam("latest", true).get("/api/v1/check-ins")
                .then().statusCode(200).body("totalItems", is(0));
    }

    @Test
    void malformedCycleIdOrLatestIsA400NamingIt() {
        asViewer().queryParam("cycleId", "2026-Q4").get("/api/v1/check-ins")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("cycleId"));
        asViewer().queryParam("latest", "yes").get("/api/v1/check-ins")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("latest"));
    }
}

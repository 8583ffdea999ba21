package org.okrpm.checkin.checkin;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.okrpm.kit.testing.TestTokens.as;
import static org.okrpm.kit.testing.TestTokens.asAdmin;
import static org.okrpm.kit.testing.TestTokens.asMember;
import static org.okrpm.kit.testing.TestTokens.asViewer;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.okrpm.checkin.CheckinFixtures;
import org.okrpm.checkin.okr.CyclePhase;
import org.okrpm.checkin.okr.ProgressSource;

@QuarkusTest
class CheckInResourceTest {

    @Inject
    CheckinFixtures fixtures;

    @Test
    void checkInIsRecordedWithTheCallerAsAuthor() {
        UUID kr = fixtures.manualKeyResultInExecution();
        var created = as("carol", "member")
                .body(Map.of("keyResultId", kr.toString(), "value", 112500.5, "confidence", 0.7,
                        "comment", "Two deals signed", "blockers", "Legal review", "authorId", "mallory"))
                .when().post("/api/v1/check-ins")
                .then().statusCode(201)
                .body("id", notNullValue())
                .body("keyResultId", is(kr.toString()))
                .body("authorId", is("carol"))
                .body("value", is(112500.5))
                .body("confidence", is(0.7))
                .body("comment", is("Two deals signed"))
                .body("blockers", is("Legal review"))
                .body("createdAt", notNullValue())
                .body("version", is(0))
                .extract();
        String id = created.path("id");
        String createdAtText = created.path("createdAt");
        assertThat(created.header("Location"), endsWith("/api/v1/check-ins/" + id));
        Instant createdAt = Instant.parse(createdAtText);
        assertThat(Duration.between(createdAt, Instant.now()).abs().toMinutes() < 1, is(true));

        asViewer().get("/api/v1/check-ins/" + id)
                .then().statusCode(200)
                .header("ETag", is("\"0\""))
                .body("authorId", is("carol"))
                .body("createdAt", is(createdAtText));
    }

    @Test
    void adminMayRecordCheckInsToo() {
        UUID kr = fixtures.manualKeyResultInExecution();
        asAdmin().body(Map.of("keyResultId", kr.toString(), "value", 3)).post("/api/v1/check-ins")
                .then().statusCode(201).body("authorId", is("ada")).body("confidence", nullValue());
    }

    @Test
    void valueIsRequiredForAManualKeyResult() {
        UUID kr = fixtures.manualKeyResultInExecution();
        asMember().body(Map.of("keyResultId", kr.toString(), "confidence", 0.5)).post("/api/v1/check-ins")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("value"));
    }

    @Test
    void valueIsNotAllowedForATasksKeyResult() {
        UUID kr = fixtures.keyResultIn(CyclePhase.EXECUTION, ProgressSource.TASKS, "bob");
        asMember().body(Map.of("keyResultId", kr.toString(), "value", 10, "confidence", 0.5))
                .post("/api/v1/check-ins")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("value"));
    }

    @Test
    void aTasksCheckInCarriesConfidenceCommentOrBlockers() {
        UUID kr = fixtures.keyResultIn(CyclePhase.EXECUTION, ProgressSource.TASKS, "bob");
        asMember().body(Map.of("keyResultId", kr.toString(), "confidence", 0.4)).post("/api/v1/check-ins")
                .then().statusCode(201).body("value", nullValue()).body("confidence", is(0.4));
        asMember().body(Map.of("keyResultId", kr.toString(), "blockers", "CI is red")).post("/api/v1/check-ins")
                .then().statusCode(201);
        asMember().body(Map.of("keyResultId", kr.toString(), "comment", " ")).post("/api/v1/check-ins")
                .then().statusCode(400).body("errors[0].field", is("confidence"));
    }

    @Test
    void confidenceMustBeBetweenZeroAndOne() {
        UUID kr = fixtures.manualKeyResultInExecution();
        asMember().body(Map.of("keyResultId", kr.toString(), "value", 1, "confidence", 1.5))
                .post("/api/v1/check-ins")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("confidence"));
        asMember().body(Map.of("keyResultId", kr.toString(), "value", 1, "confidence", -0.1))
                .post("/api/v1/check-ins")
                .then().statusCode(400).body("errors[0].field", is("confidence"));
        asMember().body(Map.of("keyResultId", kr.toString(), "value", 1, "confidence", 1))
                .post("/api/v1/check-ins")
                .then().statusCode(201);
    }

    @Test
    void keyResultIdIsRequiredAndValueHasAtMostFourDecimals() {
        asMember().body(Map.of("value", 1)).post("/api/v1/check-ins")
                .then().statusCode(400).body("errors[0].field", is("keyResultId"));
        UUID kr = fixtures.manualKeyResultInExecution();
        asMember().body(Map.of("keyResultId", kr.toString(), "value", 1.23456)).post("/api/v1/check-ins")
                .then().statusCode(400).body("errors[0].field", is("value"));
    }

    @Test
    void unknownKeyResultIsUnprocessable() {
        asMember().body(Map.of("keyResultId", UUID.randomUUID().toString(), "value", 1)).post("/api/v1/check-ins")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", is("keyResultId"));
    }

    @Test
    void deletedKeyResultOrObjectiveIsUnprocessable() {
        UUID kr = fixtures.manualKeyResultInExecution();
        fixtures.deleteKeyResult(kr);
        asMember().body(Map.of("keyResultId", kr.toString(), "value", 1)).post("/api/v1/check-ins")
                .then().statusCode(422);

        UUID objective = fixtures.objective(fixtures.cycle(CyclePhase.EXECUTION), "bob");
        UUID orphan = fixtures.keyResult(objective, ProgressSource.MANUAL);
        fixtures.deleteObjective(objective);
        asMember().body(Map.of("keyResultId", orphan.toString(), "value", 1)).post("/api/v1/check-ins")
                .then().statusCode(422);
    }

    @Test
    void checkInsAreTakenOnlyWhileTheCycleIsInExecution() {
        for (CyclePhase phase : new CyclePhase[] {CyclePhase.PLANNING, CyclePhase.RETROSPECTIVE, CyclePhase.CLOSED}) {
            UUID kr = fixtures.keyResultIn(phase, ProgressSource.MANUAL, "bob");
            asMember().body(Map.of("keyResultId", kr.toString(), "value", 1)).post("/api/v1/check-ins")
                    .then().statusCode(409).contentType("application/problem+json")
                    .body("status", is(409));
        }
    }

    @Test
    void aCheckInFollowsTheCycleIntoExecution() {
        UUID cycle = fixtures.cycle(CyclePhase.PLANNING);
        UUID kr = fixtures.keyResult(fixtures.objective(cycle, "bob"), ProgressSource.MANUAL);
        asMember().body(Map.of("keyResultId", kr.toString(), "value", 1)).post("/api/v1/check-ins")
                .then().statusCode(409);
        fixtures.movePhase(cycle, CyclePhase.EXECUTION);
        asMember().body(Map.of("keyResultId", kr.toString(), "value", 1)).post("/api/v1/check-ins")
                .then().statusCode(201);
    }

    @Test
    void listFiltersByKeyResultAndAuthorNewestFirst() {
        UUID kr = fixtures.manualKeyResultInExecution();
        UUID other = fixtures.manualKeyResultInExecution();
        String oldest = fixtures.checkInAgo(kr, "alice", Duration.ofDays(3)).toString();
        String middle = fixtures.checkInAgo(kr, "bob", Duration.ofDays(2)).toString();
        String newest = fixtures.checkInAgo(kr, "alice", Duration.ofDays(1)).toString();
        fixtures.checkInAgo(other, "alice", Duration.ofDays(1));

        asViewer().queryParam("keyResultId", kr).get("/api/v1/check-ins")
                .then().statusCode(200)
                .body("items.id", contains(newest, middle, oldest))
                .body("totalItems", is(3));
        asViewer().queryParam("keyResultId", kr).queryParam("authorId", "alice").get("/api/v1/check-ins")
                .then().statusCode(200)
                .body("items.id", contains(newest, oldest));
    }

    @Test
    void sinceTakesAnInstantOrADateAndIsInclusive() {
        UUID kr = fixtures.manualKeyResultInExecution();
        String tenDaysAgo = fixtures.checkInAgo(kr, "alice", Duration.ofDays(10)).toString();
        String twoDaysAgo = fixtures.checkInAgo(kr, "alice", Duration.ofDays(2)).toString();
        String recorded = asViewer().get("/api/v1/check-ins/" + twoDaysAgo).then().extract().path("createdAt");

        asViewer().queryParam("keyResultId", kr).queryParam("since", Instant.now().minus(Duration.ofDays(5)).toString())
                .get("/api/v1/check-ins")
                .then().statusCode(200).body("items.id", contains(twoDaysAgo));
        asViewer().queryParam("keyResultId", kr).queryParam("since", recorded).get("/api/v1/check-ins")
                .then().statusCode(200).body("items.id", contains(twoDaysAgo));
        LocalDate elevenDaysAgo = LocalDate.now(ZoneOffset.UTC).minusDays(11);
        asViewer().queryParam("keyResultId", kr).queryParam("since", elevenDaysAgo.toString())
                .get("/api/v1/check-ins")
                .then().statusCode(200).body("items.id", contains(twoDaysAgo, tenDaysAgo));
        asViewer().queryParam("keyResultId", kr).queryParam("since", LocalDate.now(ZoneOffset.UTC).plusDays(1).toString())
                .get("/api/v1/check-ins")
                .then().statusCode(200).body("totalItems", is(0));
    }

    @Test
    void aFilterTheListCannotApplyIsA400InsteadOfEveryoneElsesCheckIns() {
        fixtures.checkInAgo(fixtures.manualKeyResultInExecution(), "alice", Duration.ofDays(1));
        asViewer().queryParam("objectiveId", UUID.randomUUID()).get("/api/v1/check-ins")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("objectiveId"));
    }

    @Test
    void malformedSinceIsA400() {
        asViewer().queryParam("since", "last tuesday").get("/api/v1/check-ins")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("since"));
    }

    @Test
    void listIsPaginated() {
        UUID kr = fixtures.manualKeyResultInExecution();
        for (int day = 1; day <= 5; day++) {
            fixtures.checkInAgo(kr, "alice", Duration.ofDays(day));
        }
        asViewer().queryParam("keyResultId", kr).queryParam("page", 1).queryParam("size", 2).get("/api/v1/check-ins")
                .then().statusCode(200)
                .body("items.size()", is(2))
                .body("page", is(1))
                .body("size", is(2))
                .body("totalItems", is(5))
                .body("totalPages", is(3));
    }

    @Test
    void unknownCheckInIsNotFound() {
        asViewer().get("/api/v1/check-ins/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void checkInsAreImmutable() {
        String id = CheckinFixtures.checkIn(fixtures.manualKeyResultInExecution(), 5);
        asAdmin().delete("/api/v1/check-ins/" + id).then().statusCode(405).contentType("application/problem+json");
        asAdmin().body(Map.of("value", 6)).patch("/api/v1/check-ins/" + id).then().statusCode(405);
    }

    @Test
    void idempotencyKeyRecordsOneCheckIn() {
        UUID kr = fixtures.manualKeyResultInExecution();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("keyResultId", kr.toString(), "value", 7);
        String first = asMember().header("Idempotency-Key", key).body(body).post("/api/v1/check-ins")
                .then().statusCode(201).extract().path("id");
        asMember().header("Idempotency-Key", key).body(body).post("/api/v1/check-ins")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", is(first));
        asViewer().queryParam("keyResultId", kr).get("/api/v1/check-ins").then().body("totalItems", is(1));
    }

    @Test
    void checkInsSortByConfidenceAndTimeEitherWay() {
        UUID kr = fixtures.manualKeyResultInExecution();
        String[] ids = new String[3];
        double[] confidence = {0.3, 0.8, 0.3};
        for (int i = 0; i < 3; i++) {
            ids[i] = asMember().body(Map.of("keyResultId", kr.toString(), "value", i, "confidence", confidence[i]))
                    .post("/api/v1/check-ins").then().statusCode(201).extract().path("id");
        }
        String list = "/api/v1/check-ins?keyResultId=" + kr;

        asViewer().get(list).then().statusCode(200).body("items.id", contains(ids[2], ids[1], ids[0]));
        asViewer().queryParam("sort", "createdAt").get(list)
                .then().statusCode(200).body("items.id", contains(ids[0], ids[1], ids[2]));
        asViewer().queryParam("sort", "confidence,createdAt").get(list)
                .then().statusCode(200).body("items.id", contains(ids[0], ids[2], ids[1]));
        asViewer().queryParam("sort", "-confidence,-createdAt").get(list)
                .then().statusCode(200).body("items.id", contains(ids[1], ids[2], ids[0]));
        asViewer().queryParam("sort", "authorId").get(list)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", is("sort"));
    }
}

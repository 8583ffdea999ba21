package org.okrpm.okr.keyresult;

import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.okrpm.kit.testing.TestTokens.asMember;
import static org.okrpm.kit.testing.TestTokens.asViewer;
import static org.okrpm.okr.OkrFixtures.cycle;
import static org.okrpm.okr.OkrFixtures.keyResult;
import static org.okrpm.okr.OkrFixtures.objective;
import static org.okrpm.okr.OkrFixtures.setCurrentValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.okrpm.kit.testing.TestEvents;

/** Owner, due date, expected progress, status and forecast of key results, and confidence in their history. */
@QuarkusTest
class KeyResultPaceTest {

    /** A cycle that began 30 days ago and ends in 30 days: about half of it has passed. */
    private static String cycleAroundToday() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return asMember().body(Map.of("name", "Q-" + UUID.randomUUID(), "startDate", today.minusDays(30).toString(),
                        "endDate", today.plusDays(30).toString()))
                .post("/api/v1/cycles").then().statusCode(201).extract().path("id");
    }

    private static String objectiveOwnedBy(String cycleId, String ownerId) {
        return asMember().body(Map.of("cycleId", cycleId, "title", "Delight customers", "level", "TEAM",
                        "ownerId", ownerId))
                .post("/api/v1/objectives").then().statusCode(201).extract().path("id");
    }

    private static String keyResultWith(String objectiveId, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of("title", "Revenue", "metricType", "NUMBER", "startValue", 0,
                "targetValue", 100));
        body.putAll(extra);
        return asMember().body(body).post("/api/v1/objectives/" + objectiveId + "/key-results")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void theOwnerDefaultsToTheObjectivesOwnerAndTheDueDateToTheCyclesEnd() {
        String objectiveId = objectiveOwnedBy(cycle(), "olga");
        String kr = keyResultWith(objectiveId, Map.of());
        asViewer().get("/api/v1/key-results/" + kr).then().statusCode(200)
                .body("ownerId", is("olga"))
                .body("dueDate", is("2026-12-31"));
        String own = keyResultWith(objectiveId, Map.of("ownerId", "bob", "dueDate", "2026-11-15"));
        asViewer().get("/api/v1/key-results/" + own).then().statusCode(200)
                .body("ownerId", is("bob"))
                .body("dueDate", is("2026-11-15"));
    }

    @Test
    void ownerAndDueDateArePatchedAndANullDueDateFollowsTheCycleAgain() {
        String kr = keyResultWith(objectiveOwnedBy(cycle(), "olga"), Map.of());
        asMember().body(Map.of("ownerId", "bob", "dueDate", "2026-11-30")).patch("/api/v1/key-results/" + kr)
                .then().statusCode(200)
                .body("ownerId", is("bob"))
                .body("dueDate", is("2026-11-30"));
        Map<String, Object> reset = new HashMap<>();
        reset.put("dueDate", null);
        asMember().body(reset).patch("/api/v1/key-results/" + kr)
                .then().statusCode(200).body("dueDate", is("2026-12-31")).body("ownerId", is("bob"));
        asMember().body(Map.of("ownerId", "")).patch("/api/v1/key-results/" + kr)
                .then().statusCode(400).body("errors[0].field", is("ownerId"));
    }

    @Test
    void aDueDateOutsideTheCycleIsA400() {
        String objectiveId = objective(cycle());
        for (String outside : new String[] {"2026-10-01", "2026-09-30", "2027-01-01"}) {
            asMember().body(Map.of("title", "x", "metricType", "NUMBER", "startValue", 0, "targetValue", 1,
                            "dueDate", outside))
                    .post("/api/v1/objectives/" + objectiveId + "/key-results")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", is("dueDate"));
        }
        String kr = keyResult(objectiveId, 0, 100);
        asMember().body(Map.of("dueDate", "2027-02-01")).patch("/api/v1/key-results/" + kr)
                .then().statusCode(400).body("errors[0].field", is("dueDate"));
        asMember().body(Map.of("dueDate", "someday")).patch("/api/v1/key-results/" + kr)
                .then().statusCode(400);
    }

    @Test
    void statusFollowsProgressAgainstThePaceAndConfidence() {
        String objectiveId = objective(cycleAroundToday());
        String onTrack = keyResult(objectiveId, 0, 100);
        setCurrentValue(onTrack, 50);
        String offTrack = keyResult(objectiveId, 0, 100);
        asMember().body(Map.of("currentValue", 5)).patch("/api/v1/key-results/" + offTrack).then().statusCode(200);
        String done = keyResult(objectiveId, 0, 100);
        setCurrentValue(done, 100);
        String doubtful = keyResult(objectiveId, 0, 100);
        asMember().body(Map.of("currentValue", 60, "confidence", 0.4)).patch("/api/v1/key-results/" + doubtful)
                .then().statusCode(200);

        asViewer().get("/api/v1/key-results/" + onTrack).then().statusCode(200)
                .body("expectedProgress", closeTo(0.5, 0.02))
                .body("status", is("ON_TRACK"))
                .body("forecast", nullValue()); // less than a day of history
        asViewer().get("/api/v1/key-results/" + offTrack).then().body("status", is("OFF_TRACK"));
        asViewer().get("/api/v1/key-results/" + done).then().body("status", is("DONE"));
        asViewer().get("/api/v1/key-results/" + doubtful).then().body("status", is("AT_RISK"));

        // a key result due earlier expects more now
        String dueSoon = keyResultWith(objectiveId, Map.of("dueDate",
                LocalDate.now(ZoneOffset.UTC).minusDays(1).toString()));
        asViewer().get("/api/v1/key-results/" + dueSoon).then()
                .body("expectedProgress", is(1.0))
                .body("status", is("OFF_TRACK"));
    }

    @Test
    void theListFiltersByOwnerAndByStatusNow() {
        String cycleId = cycleAroundToday();
        String objectiveId = objectiveOwnedBy(cycleId, "olga");
        String olgas = keyResult(objectiveId, 0, 100);
        setCurrentValue(olgas, 50);
        String bobs = keyResultWith(objectiveId, Map.of("ownerId", "bob"));
        String bobsDone = keyResultWith(objectiveId, Map.of("ownerId", "bob"));
        setCurrentValue(bobsDone, 100);

        asViewer().queryParam("cycleId", cycleId).queryParam("ownerId", "bob").get("/api/v1/key-results")
                .then().statusCode(200).body("items.id", containsInAnyOrder(bobs, bobsDone));
        asViewer().queryParam("cycleId", cycleId).queryParam("status", "OFF_TRACK").get("/api/v1/key-results")
                .then().statusCode(200)
                .body("items.id", contains(bobs))
                .body("totalItems", is(1))
                .body("items[0].status", is("OFF_TRACK"));
        asViewer().queryParam("cycleId", cycleId).queryParam("status", "ON_TRACK").get("/api/v1/key-results")
                .then().statusCode(200).body("items.id", contains(olgas));
        asViewer().queryParam("cycleId", cycleId).queryParam("ownerId", "bob").queryParam("status", "DONE")
                .queryParam("size", 1).get("/api/v1/key-results")
                .then().statusCode(200).body("items.id", contains(bobsDone)).body("totalItems", is(1));
        asViewer().queryParam("status", "LATE").get("/api/v1/key-results")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("status"));
    }

    @Test
    void theObjectiveCarriesItsPaceToo() {
        String objectiveId = objective(cycleAroundToday());
        String kr = keyResult(objectiveId, 0, 100);
        asViewer().get("/api/v1/objectives/" + objectiveId).then().statusCode(200)
                .body("expectedProgress", closeTo(0.5, 0.02))
                .body("status", is("OFF_TRACK"))
                .body("keyResults[0].status", is("OFF_TRACK"));
        asMember().body(Map.of("currentValue", 50, "confidence", 0.9)).patch("/api/v1/key-results/" + kr)
                .then().statusCode(200);
        asViewer().get("/api/v1/objectives/" + objectiveId).then().statusCode(200).body("status", is("ON_TRACK"));
        asMember().body(Map.of("confidence", 0.3)).patch("/api/v1/key-results/" + kr).then().statusCode(200);
        asViewer().get("/api/v1/objectives/" + objectiveId).then().statusCode(200).body("status", is("AT_RISK"));
        asViewer().get("/api/v1/objectives/" + objectiveId + "/alignment").then().statusCode(200)
                .body("status", is("AT_RISK"))
                .body("expectedProgress", closeTo(0.5, 0.02));
    }

    @Test
    void theForecastProjectsTheRecentVelocityToTheDueDate() {
        String kr = keyResult(objective(cycleAroundToday()), 0, 100);
        setCurrentValue(kr, 20);
        // the history replaced by a known one: 0 ten days ago, 0.1 five days ago, 0.2 now: 0.02 a day
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> {
            ProgressEntry.delete("keyResultId", UUID.fromString(kr));
            entry(kr, now.minus(Duration.ofDays(10)), 0.0, null);
            entry(kr, now.minus(Duration.ofDays(5)), 0.1, null);
        });
        Instant due = LocalDate.now(ZoneOffset.UTC).plusDays(31).atStartOfDay(ZoneOffset.UTC).toInstant();
        double daysLeft = Duration.between(now, due).toSeconds() / 86_400.0;
        asViewer().get("/api/v1/key-results/" + kr).then().statusCode(200)
                .body("forecast", closeTo(0.2 + 0.02 * daysLeft, 0.002));
    }

    @Test
    void aConfidenceChangeAloneIsInTheHistory() {
        String kr = keyResult(objective(cycle()), 0, 100);
        setCurrentValue(kr, 40);
        asMember().body(Map.of("confidence", 0.7)).patch("/api/v1/key-results/" + kr).then().statusCode(200);
        asMember().body(Map.of("confidence", 0.7)).patch("/api/v1/key-results/" + kr).then().statusCode(200);
        asMember().body(Map.of("title", "Renamed")).patch("/api/v1/key-results/" + kr).then().statusCode(200);
        asViewer().get("/api/v1/key-results/" + kr + "/history").then().statusCode(200)
                .body("$", hasSize(3)) // created, the value, the confidence; the same confidence again and the title are no change
                .body("progress", contains(0.0, 0.4, 0.4))
                .body("confidence", contains(nullValue(), nullValue(), is(0.7)))
                .body("currentValue[2]", is(40));
    }

    @Test
    void aCheckInThatChangesOnlyTheConfidenceIsInTheHistory() {
        String kr = keyResult(objective(cycle()), 0, 100, 1, "TASKS");
        String json = "{\"id\":\"" + UUID.randomUUID() + "\",\"keyResultId\":\"" + kr + "\",\"value\":null,"
                + "\"confidence\":0.3,\"authorId\":\"carol\",\"createdAt\":\"2026-11-20T10:00:00Z\"}";
        String eventId = TestEvents.publish("checkin.check-ins", kr, "checkin.check-in.recorded", json);
        TestEvents.awaitConsumed("okr-service", eventId);
        asViewer().get("/api/v1/key-results/" + kr + "/history").then().statusCode(200)
                .body("$", hasSize(2))
                .body("[1].source", is("CHECKIN"))
                .body("[1].progress", is(0.0))
                .body("[1].confidence", is(0.3));
    }

    static void entry(String kr, Instant at, double progress, Double confidence) {
        ProgressEntry entry = new ProgressEntry();
        entry.id = UUID.randomUUID();
        entry.keyResultId = UUID.fromString(kr);
        entry.at = at;
        entry.progress = progress;
        entry.currentValue = BigDecimal.valueOf(progress * 100);
        entry.confidence = confidence;
        entry.source = HistorySource.MANUAL;
        entry.cause = "seeded";
        entry.persist();
    }
}

package org.okrpm.okr.events;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.okrpm.kit.testing.TestTokens.asMember;
import static org.okrpm.kit.testing.TestTokens.asViewer;
import static org.okrpm.okr.OkrFixtures.cycle;
import static org.okrpm.okr.OkrFixtures.keyResult;
import static org.okrpm.okr.OkrFixtures.objective;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.okrpm.kit.testing.EventContract;
import org.okrpm.kit.testing.TestEvents;

/** okr-service ← checkin.check-ins, through the real broker and database. */
@QuarkusTest
class CheckInEventsTest {

    private static String checkIn(String keyResultId, Object value, double confidence, String createdAt) {
        String json = "{\"id\":\"" + UUID.randomUUID() + "\",\"keyResultId\":\"" + keyResultId + "\",\"value\":" + value
                + ",\"confidence\":" + confidence + ",\"authorId\":\"carol\",\"createdAt\":\"" + createdAt + "\"}";
        return TestEvents.publish("checkin.check-ins", keyResultId, "checkin.check-in.recorded", json);
    }

    private static void awaitProcessed(String eventId) {
        TestEvents.awaitConsumed("okr-service", eventId);
    }

    @Test
    void aCheckInSetsValueAndConfidenceOfAManualKeyResult() {
        String kr = keyResult(objective(cycle()), 0, 100);
        checkIn(kr, 40, 0.8, "2026-11-20T10:00:00Z");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> asViewer().get("/api/v1/key-results/" + kr)
                .then().body("progress", is(0.4)).body("currentValue", is(40)).body("confidence", is(0.8)));
        asViewer().get("/api/v1/key-results/" + kr + "/history")
                .then().body("[-1].source", is("CHECKIN")).body("[-1].cause", containsString("carol"));
    }

    @Test
    void theContractSampleIsApplied() {
        // the sample: value 112000 with confidence 0.7, on a key result from 100000 to 130000: 40 %
        String kr = keyResult(objective(cycle()), 100000, 130000);
        String eventId = TestEvents.publish("checkin.check-ins", kr, "checkin.check-in.recorded",
                EventContract.sample("checkin.check-in.recorded",
                        Map.of("id", UUID.randomUUID().toString(), "keyResultId", kr)));
        awaitProcessed(eventId);
        asViewer().get("/api/v1/key-results/" + kr).then()
                .body("progress", is(0.4)).body("currentValue", is(112000)).body("confidence", is(0.7));
        asViewer().get("/api/v1/key-results/" + kr + "/history")
                .then().body("[-1].source", is("CHECKIN")).body("[-1].cause", containsString("carol"));
    }

    @Test
    void aDecreasingKeyResultCountsDown() {
        String kr = keyResult(objective(cycle()), 100, 20);
        checkIn(kr, 60, 0.5, "2026-11-20T10:00:00Z");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                asViewer().get("/api/v1/key-results/" + kr).then().body("progress", is(0.5)));
    }

    @Test
    void anOlderCheckInArrivingLateDoesNotOverwriteANewerOne() {
        String kr = keyResult(objective(cycle()), 0, 100);
        checkIn(kr, 70, 0.9, "2026-11-21T10:00:00Z");
        String late = checkIn(kr, 20, 0.1, "2026-11-14T10:00:00Z");
        awaitProcessed(late);
        asViewer().get("/api/v1/key-results/" + kr).then().body("currentValue", is(70)).body("confidence", is(0.9));
    }

    @Test
    void aTasksKeyResultTakesOnlyTheConfidence() {
        String kr = keyResult(objective(cycle()), 0, 100, 1, "TASKS");
        String eventId = checkIn(kr, "null", 0.3, "2026-11-20T10:00:00Z");
        awaitProcessed(eventId);
        asViewer().get("/api/v1/key-results/" + kr).then().body("progress", is(0.0)).body("confidence", is(0.3));
    }

    @Test
    void checkInsForAClosedCycleAreRecordedButNotApplied() {
        String cycleId = cycle();
        String kr = keyResult(objective(cycleId), 0, 100);
        for (String phase : new String[] {"EXECUTION", "RETROSPECTIVE", "CLOSED"}) {
            asMember().body(Map.of("phase", phase)).post("/api/v1/cycles/" + cycleId + "/phase").then().statusCode(200);
        }
        String eventId = checkIn(kr, 90, 0.9, "2026-11-20T10:00:00Z");
        awaitProcessed(eventId);
        asViewer().get("/api/v1/key-results/" + kr).then().body("currentValue", is(0)).body("progress", is(0.0));
    }
}

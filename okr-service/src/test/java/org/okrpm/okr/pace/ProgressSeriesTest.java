package org.okrpm.okr.pace;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.okrpm.kit.testing.TestTokens.asViewer;
import static org.okrpm.okr.OkrFixtures.cycle;
import static org.okrpm.okr.OkrFixtures.keyResult;
import static org.okrpm.okr.OkrFixtures.objective;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.okrpm.okr.keyresult.HistorySource;
import org.okrpm.okr.keyresult.ProgressEntry;
import org.okrpm.okr.objective.ObjectiveHistorySource;
import org.okrpm.okr.objective.ObjectiveProgressEntry;

/**
 * Series and as-of against a history with known timestamps, in the fixtures' cycle 2026-10-01..2026-12-31 (92
 * days). The rows are written straight into the history; the key result's own "created" entry is today, later.
 */
@QuarkusTest
class ProgressSeriesTest {

    private record Seeded(String objectiveId, String keyResultId) {
    }

    /** 0.1 (value 10, confidence 0.8) on 2 October, 0.3 and then 0.35 (value 35, confidence 0.6) on 4 October. */
    private static Seeded seeded() {
        String objectiveId = objective(cycle());
        String kr = keyResult(objectiveId, 0, 100);
        QuarkusTransaction.requiringNew().run(() -> {
            keyResultEntry(kr, "2026-10-02T12:00:00Z", 0.1, 0.8);
            keyResultEntry(kr, "2026-10-04T09:00:00Z", 0.3, 0.8);
            keyResultEntry(kr, "2026-10-04T18:00:00Z", 0.35, 0.6);
            objectiveEntry(objectiveId, "2026-10-02T12:00:00Z", 0.1);
            objectiveEntry(objectiveId, "2026-10-04T18:00:00Z", 0.35);
        });
        return new Seeded(objectiveId, kr);
    }

    @Test
    void aDailySeriesCarriesTheLastStateOfEachDayForward() {
        String kr = seeded().keyResultId();
        asViewer().queryParam("from", "2026-10-01").queryParam("to", "2026-10-05")
                .get("/api/v1/key-results/" + kr + "/series")
                .then().statusCode(200)
                .body("interval", is("DAY"))
                .body("points.at", contains("2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05"))
                .body("points.progress", contains(0.0, 0.1, 0.1, 0.35, 0.35))
                .body("points.value", contains(0, 10, 10, 35, 35))
                .body("points.confidence", contains(nullValue(), is(0.8), is(0.8), is(0.6), is(0.6)))
                // the pace at the end of each day: 1/92, 2/92, ...
                .body("points.expectedProgress", contains(0.0109, 0.0217, 0.0326, 0.0435, 0.0543));
    }

    @Test
    void aWeeklySeriesHasOnePointPerSevenDaysFromFrom() {
        String kr = seeded().keyResultId();
        asViewer().queryParam("from", "2026-09-28").queryParam("to", "2026-10-15").queryParam("interval", "WEEK")
                .get("/api/v1/key-results/" + kr + "/series")
                .then().statusCode(200)
                .body("interval", is("WEEK"))
                .body("points.at", contains("2026-09-28", "2026-10-05", "2026-10-12"))
                // the week of 28 September ends on 4 October, after the last change; the last one is cut at `to`
                .body("points.progress", contains(0.35, 0.35, 0.35))
                .body("points.expectedProgress", contains(0.0435, 0.1196, 0.163));
    }

    @Test
    void byDefaultTheSeriesRunsFromTheCyclesStartToTodayOrTheDueDate() {
        String kr = seeded().keyResultId();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate due = LocalDate.parse("2026-12-31");
        LocalDate last = today.isBefore(due) ? today : due;
        asViewer().get("/api/v1/key-results/" + kr + "/series")
                .then().statusCode(200)
                .body("interval", is("DAY"))
                .body("points[0].at", is("2026-10-01"))
                .body("points[-1].at", is(last.isBefore(LocalDate.parse("2026-10-01")) ? "2026-10-01"
                        : last.toString()));
    }

    @Test
    void badSeriesParametersAreA400() {
        String path = "/api/v1/key-results/" + seeded().keyResultId() + "/series";
        asViewer().queryParam("from", "2026-10-05").queryParam("to", "2026-10-01").get(path)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", is("to"));
        asViewer().queryParam("from", "2025-01-01").queryParam("to", "2026-12-31").get(path)
                .then().statusCode(400).body("errors[0].field", is("from"));
        asViewer().queryParam("from", "2025-01-01").queryParam("to", "2026-12-31").queryParam("interval", "WEEK")
                .get(path).then().statusCode(200).body("points", hasSize(105));
        asViewer().queryParam("interval", "HOUR").get(path)
                .then().statusCode(400).body("errors[0].field", is("interval"));
        asViewer().queryParam("from", "yesterday").get(path)
                .then().statusCode(400).body("errors[0].field", is("from"));
        asViewer().queryParam("asOf", "2026-10-01T00:00:00Z").get(path)
                .then().statusCode(400).body("errors[0].field", is("asOf"));
        asViewer().get("/api/v1/key-results/" + UUID.randomUUID() + "/series").then().statusCode(404);
    }

    @Test
    void aKeyResultAsOfAnInstantAnswersItsStateThen() {
        String kr = seeded().keyResultId();
        asViewer().queryParam("asOf", "2026-10-03T00:00:00Z").get("/api/v1/key-results/" + kr)
                .then().statusCode(200)
                .body("id", is(kr))
                .body("progress", is(0.1))
                .body("currentValue", is(10))
                .body("confidence", is(0.8))
                .body("expectedProgress", is(0.0217))
                .body("status", is("ON_TRACK"))
                .body("forecast", nullValue()); // less than a day of history then
        asViewer().queryParam("asOf", "2026-10-04T18:00:00Z").get("/api/v1/key-results/" + kr)
                .then().statusCode(200)
                .body("progress", is(0.35))
                .body("confidence", is(0.6))
                // from 0.1 at 12:00 on the 2nd to 0.35 at 18:00 on the 4th the fit runs far past 1 by the end
                .body("forecast", is(1.0));
    }

    @Test
    void beforeAnyHistoryAndItsCreationAKeyResultIsA404AndABadInstantA400() {
        String kr = seeded().keyResultId();
        asViewer().queryParam("asOf", "2026-09-01T00:00:00Z").get("/api/v1/key-results/" + kr)
                .then().statusCode(404).contentType("application/problem+json");
        asViewer().queryParam("asOf", "last monday").get("/api/v1/key-results/" + kr)
                .then().statusCode(400).body("errors[0].field", is("asOf"));
        asViewer().queryParam("asOf", "-999999999-01-01T00:00:00Z").get("/api/v1/key-results/" + kr)
                .then().statusCode(400).body("errors[0].field", is("asOf"));
        asViewer().queryParam("asOf", "+999999999-12-31T23:59:59Z").get("/api/v1/key-results/" + kr)
                .then().statusCode(400).body("errors[0].field", is("asOf"));
    }

    @Test
    void anObjectiveHasASeriesAndAnAsOfFromItsOwnHistory() {
        Seeded seeded = seeded();
        asViewer().queryParam("from", "2026-10-01").queryParam("to", "2026-10-05")
                .get("/api/v1/objectives/" + seeded.objectiveId() + "/series")
                .then().statusCode(200)
                .body("points.progress", contains(0.0, 0.1, 0.1, 0.35, 0.35))
                .body("points.value", contains(nullValue(), nullValue(), nullValue(), nullValue(), nullValue()))
                .body("points.confidence", contains(nullValue(), nullValue(), nullValue(), nullValue(), nullValue()))
                .body("points.expectedProgress", contains(0.0109, 0.0217, 0.0326, 0.0435, 0.0543));
        asViewer().queryParam("asOf", "2026-10-03T00:00:00Z").get("/api/v1/objectives/" + seeded.objectiveId())
                .then().statusCode(200)
                .body("progress", is(0.1))
                .body("expectedProgress", is(0.0217))
                .body("keyResults", hasSize(1))
                .body("keyResults[0].progress", is(0.1))
                .body("keyResults[0].currentValue", is(10));
        asViewer().queryParam("asOf", "2026-09-01T00:00:00Z").get("/api/v1/objectives/" + seeded.objectiveId())
                .then().statusCode(404);
        asViewer().queryParam("asOf", "2026-13-01").get("/api/v1/objectives/" + seeded.objectiveId())
                .then().statusCode(400).body("errors[0].field", is("asOf"));
        asViewer().queryParam("asOf", "-999999999-01-01T00:00:00Z").get("/api/v1/objectives/" + seeded.objectiveId())
                .then().statusCode(400).body("errors[0].field", is("asOf"));
    }

    private static void keyResultEntry(String kr, String at, double progress, Double confidence) {
        ProgressEntry entry = new ProgressEntry();
        entry.id = UUID.randomUUID();
        entry.keyResultId = UUID.fromString(kr);
        entry.at = Instant.parse(at);
        entry.progress = progress;
        entry.currentValue = BigDecimal.valueOf(Math.round(progress * 100));
        entry.confidence = confidence;
        entry.source = HistorySource.CHECKIN;
        entry.cause = "seeded";
        entry.persist();
    }

    private static void objectiveEntry(String objectiveId, String at, double progress) {
        ObjectiveProgressEntry entry = new ObjectiveProgressEntry();
        entry.id = UUID.randomUUID();
        entry.objectiveId = UUID.fromString(objectiveId);
        entry.at = Instant.parse(at);
        entry.progress = progress;
        entry.source = ObjectiveHistorySource.KEY_RESULTS;
        entry.cause = "seeded";
        entry.persist();
    }
}

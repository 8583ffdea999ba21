package org.okrpm.okr.keyresult;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.okrpm.kit.testing.TestTokens.asViewer;
import static org.okrpm.okr.OkrFixtures.cycle;
import static org.okrpm.okr.OkrFixtures.keyResult;
import static org.okrpm.okr.OkrFixtures.objective;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code GET /key-results/{id}/history}: the whole history as before, and filtered by from/to, and paged. */
@QuarkusTest
class KeyResultHistoryTest {

    /** A key result with its "created" entry (now) and four older changes on 1, 2, 3 and 4 November. */
    private static String keyResultWithHistory() {
        String kr = keyResult(objective(cycle()), 0, 100);
        QuarkusTransaction.requiringNew().run(() -> {
            for (int day = 1; day <= 4; day++) {
                ProgressEntry entry = new ProgressEntry();
                entry.id = UUID.randomUUID();
                entry.keyResultId = UUID.fromString(kr);
                entry.at = Instant.parse("2026-11-0" + day + "T12:00:00Z");
                entry.progress = day / 10.0;
                entry.currentValue = BigDecimal.valueOf(day * 10L);
                entry.source = HistorySource.MANUAL;
                entry.cause = "seeded change " + day;
                entry.persist();
            }
        });
        return kr;
    }

    @Test
    void withoutParametersTheWholeHistoryIsAnArrayOldestFirst() {
        String kr = keyResultWithHistory();
        asViewer().get("/api/v1/key-results/" + kr + "/history")
                .then().statusCode(200)
                .body("$", hasSize(5))
                .body("cause", contains(containsString("change 1"), containsString("change 2"),
                        containsString("change 3"), containsString("change 4"), containsString("created")));
    }

    @Test
    void fromIsInclusiveAndToExclusive() {
        String kr = keyResultWithHistory();
        asViewer().queryParam("from", "2026-11-02T12:00:00Z").queryParam("to", "2026-11-04T12:00:00Z")
                .get("/api/v1/key-results/" + kr + "/history")
                .then().statusCode(200)
                .body("progress", contains(0.2, 0.3))
                .body("at", contains("2026-11-02T12:00:00Z", "2026-11-03T12:00:00Z"));
        asViewer().queryParam("from", "2026-11-03T00:00:00Z").get("/api/v1/key-results/" + kr + "/history")
                .then().statusCode(200)
                .body("$", hasSize(3)); // the 3rd, the 4th and "created" (now)
        asViewer().queryParam("to", "2026-11-01T12:00:00Z").get("/api/v1/key-results/" + kr + "/history")
                .then().statusCode(200).body("$", empty());
    }

    @Test
    void pageOrSizeGivesTheListEnvelope() {
        String kr = keyResultWithHistory();
        asViewer().queryParam("size", 2).queryParam("page", 1).get("/api/v1/key-results/" + kr + "/history")
                .then().statusCode(200)
                .body("items.cause", contains("seeded change 3", "seeded change 4"))
                .body("page", is(1)).body("size", is(2))
                .body("totalItems", is(5)).body("totalPages", is(3));
        asViewer().queryParam("page", 0).get("/api/v1/key-results/" + kr + "/history")
                .then().statusCode(200)
                .body("items", hasSize(5)).body("size", is(20));
        asViewer().queryParam("size", 2).queryParam("from", "2026-11-03T00:00:00Z")
                .get("/api/v1/key-results/" + kr + "/history")
                .then().statusCode(200)
                .body("items.cause", contains("seeded change 3", "seeded change 4"))
                .body("totalItems", is(3));
    }

    @Test
    void malformedParametersAreA400NamingThem() {
        String path = "/api/v1/key-results/" + keyResultWithHistory() + "/history";
        asViewer().queryParam("from", "yesterday").get(path)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("from"));
        asViewer().queryParam("to", "2026-11-02").get(path)
                .then().statusCode(400).body("errors[0].field", is("to"));
        asViewer().queryParam("from", "2026-11-03T00:00:00Z").queryParam("to", "2026-11-02T00:00:00Z").get(path)
                .then().statusCode(400).body("errors[0].field", is("to"));
        asViewer().queryParam("size", 0).get(path)
                .then().statusCode(400).body("errors[0].field", is("size"));
        asViewer().queryParam("size", 201).get(path)
                .then().statusCode(400).body("errors[0].field", is("size"));
        asViewer().queryParam("page", -1).get(path)
                .then().statusCode(400).body("errors[0].field", is("page"));
        asViewer().queryParam("page", "first").get(path)
                .then().statusCode(400).body("errors[0].field", is("page"));
        asViewer().queryParam("since", "2026-11-01").get(path)
                .then().statusCode(400).body("errors[0].field", is("since"));
    }

    @Test
    void anUnknownKeyResultIsA404() {
        asViewer().queryParam("size", 5).get("/api/v1/key-results/" + UUID.randomUUID() + "/history")
                .then().statusCode(404).contentType("application/problem+json");
    }
}

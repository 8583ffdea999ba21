package org.okrpm.checkin.events;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.okrpm.kit.testing.TestTokens.as;
import static org.okrpm.kit.testing.TestTokens.asMember;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.okrpm.checkin.CheckinFixtures;
import org.okrpm.checkin.checkin.CheckInDtos.CheckInCreate;
import org.okrpm.checkin.checkin.CheckInService;
import org.okrpm.checkin.okr.CyclePhase;
import org.okrpm.checkin.okr.ProgressSource;
import org.okrpm.kit.testing.EventContract;
import org.okrpm.kit.testing.TestBroker;
import org.okrpm.kit.testing.TestEvents;

/** checkin-service → checkin.check-ins through the outbox, read back from the real broker. */
@QuarkusTest
class CheckInPublishingTest {

    private static final String TOPIC = "checkin.check-ins";

    @Inject
    CheckinFixtures fixtures;

    @Inject
    CheckInService checkIns;

    private static List<ConsumerRecord<String, String>> recordsOf(UUID keyResultId, int atLeast) {
        return TestEvents.awaitRecords(TOPIC, r -> keyResultId.toString().equals(r.key()), atLeast);
    }

    @Test
    void aRecordedCheckInIsPublishedKeyedByItsKeyResult() {
        UUID kr = fixtures.manualKeyResultInExecution();
        var created = as("carol", "member").header("X-Request-Id", "req-checkin-1")
                .body(Map.of("keyResultId", kr.toString(), "value", 112500.5, "confidence", 0.7,
                        "comment", "Two deals signed", "blockers", "Legal review"))
                .post("/api/v1/check-ins").then().statusCode(201).extract();
        String id = created.path("id");

        ConsumerRecord<String, String> record = recordsOf(kr, 1).get(0);
        Map<String, String> headers = TestEvents.ceHeaders(record);
        assertThat(headers.get("ce_specversion"), is("1.0"));
        assertThat(headers.get("ce_type"), is("checkin.check-in.recorded"));
        assertThat(headers.get("ce_source"), is("/checkin-service"));
        assertThat(headers.get("ce_subject"), is(kr.toString()));
        assertThat(headers.get("ce_id"), matchesPattern("[0-9a-f-]{36}"));
        assertThat(headers.get("ce_time"), notNullValue());
        assertThat(headers.get("ce_requestid"), is("req-checkin-1"));
        assertThat(headers.get("content-type"), is("application/json"));
        JsonPath snapshot = JsonPath.from(record.value());
        assertThat(snapshot.getString("id"), is(id));
        assertThat(snapshot.getString("keyResultId"), is(kr.toString()));
        assertThat(snapshot.getDouble("value"), is(112500.5));
        assertThat(snapshot.getDouble("confidence"), is(0.7));
        assertThat(snapshot.getString("comment"), is("Two deals signed"));
        assertThat(snapshot.getString("blockers"), is("Legal review"));
        assertThat(snapshot.getString("authorId"), is("carol"));
        assertThat(snapshot.getString("createdAt"), is((String) created.path("createdAt")));
        assertThat(snapshot.getInt("version"), is(0));
        EventContract.assertMatches("checkin.check-in.recorded", record.value());
    }

    @Test
    void aTasksCheckInCarriesNoValue() {
        UUID kr = fixtures.keyResultIn(CyclePhase.EXECUTION, ProgressSource.TASKS, "owner-" + UUID.randomUUID());
        asMember().body(Map.of("keyResultId", kr.toString(), "confidence", 0.4)).post("/api/v1/check-ins")
                .then().statusCode(201);
        String value = recordsOf(kr, 1).get(0).value();
        EventContract.assertMatches("checkin.check-in.recorded", value); // value, comment, blockers: null
        JsonPath snapshot = JsonPath.from(value);
        assertThat(snapshot.get("value"), nullValue());
        assertThat(snapshot.getDouble("confidence"), is(0.4));
    }

    @Test
    void refusedAndRolledBackCheckInsPublishNothing() {
        UUID cycleId = fixtures.cycle(CyclePhase.PLANNING);
        UUID kr = fixtures.keyResult(fixtures.objective(cycleId, "owner-" + UUID.randomUUID()), ProgressSource.MANUAL);
        asMember().body(Map.of("keyResultId", kr.toString(), "value", 1)).post("/api/v1/check-ins")
                .then().statusCode(409);
        fixtures.movePhase(cycleId, CyclePhase.EXECUTION);
        asMember().body(Map.of("keyResultId", kr.toString(), "confidence", 0.5)).post("/api/v1/check-ins")
                .then().statusCode(400);
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            checkIns.record(new CheckInCreate(kr, BigDecimal.valueOf(3), 0.5, "rolled back", null), "alice");
            throw new IllegalStateException("the transaction fails after the check-in and its event were written");
        }));
        asMember().body(Map.of("keyResultId", kr.toString(), "value", 4, "confidence", 0.9))
                .post("/api/v1/check-ins").then().statusCode(201);

        // one key, one partition: once the committed check-in is there, an earlier one would be too
        List<ConsumerRecord<String, String>> records = recordsOf(kr, 1);
        assertThat(records.size(), is(1));
        assertThat(JsonPath.from(records.get(0).value()).getInt("value"), is(4));
    }

    @Test
    void checkInsRecordedWhileTheBrokerIsDownArePublishedWhenItIsBack() {
        UUID kr = fixtures.manualKeyResultInExecution();
        TestBroker.stop();
        try {
            for (int value = 10; value <= 50; value += 10) {
                asMember().body(Map.of("keyResultId", kr.toString(), "value", value)).post("/api/v1/check-ins")
                        .then().statusCode(201);
            }
        } finally {
            TestBroker.start();
        }
        List<ConsumerRecord<String, String>> records = recordsOf(kr, 5);
        assertThat(records.stream().map(r -> JsonPath.from(r.value()).getInt("value")).toList(),
                is(List.of(10, 20, 30, 40, 50)));
    }
}

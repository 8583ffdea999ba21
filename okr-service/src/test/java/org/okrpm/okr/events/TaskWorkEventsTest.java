package org.okrpm.okr.events;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.okrpm.kit.testing.TestTokens.asAdmin;
import static org.okrpm.kit.testing.TestTokens.asMember;
import static org.okrpm.kit.testing.TestTokens.asViewer;
import static org.okrpm.okr.OkrFixtures.cycle;
import static org.okrpm.okr.OkrFixtures.keyResult;
import static org.okrpm.okr.OkrFixtures.objective;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.okrpm.kit.events.DeadLetter;
import org.okrpm.kit.testing.EventContract;
import org.okrpm.kit.testing.Management;
import org.okrpm.kit.testing.TestEvents;

/** okr-service ← project.key-result-work, through the real broker and database. */
@QuarkusTest
class TaskWorkEventsTest {

    private static final String TOPIC = "project.key-result-work";
    private static final String CHANGED = "project.key-result-work.changed";

    @Inject
    MeterRegistry metrics;

    private static String tasksKeyResult(String objectiveId, Number target) {
        return keyResult(objectiveId, 0, target, 1, "TASKS");
    }

    private static String rollup(String keyResultId, long sequence, String done, String counted, String taskId) {
        return "{\"keyResultId\":\"" + keyResultId + "\",\"sequence\":" + sequence + ",\"doneWeight\":" + done
                + ",\"countedWeight\":" + counted + ",\"tasks\":{\"TODO\":0,\"IN_PROGRESS\":0,\"DONE\":0,\"CANCELLED\":0}"
                + ",\"changedTaskIds\":[\"" + taskId + "\"],\"requestIds\":[\"req-" + sequence + "\"]"
                + ",\"someFutureField\":true}";
    }

    private static String publish(String keyResultId, long sequence, String done, String counted) {
        return TestEvents.publish(TOPIC, keyResultId, CHANGED,
                rollup(keyResultId, sequence, done, counted, UUID.randomUUID().toString()));
    }

    private static void awaitProgress(String keyResultId, double progress) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                asViewer().get("/api/v1/key-results/" + keyResultId).then().body("progress", is(progress)));
    }

    private static List<Double> historyProgress(String keyResultId) {
        return asViewer().get("/api/v1/key-results/" + keyResultId + "/history").then().extract().jsonPath()
                .getList("progress", Double.class);
    }

    @Test
    void oneOfThreeHundredIsExactlyOneAndTheChangeIsAnnouncedWithItsCauses() {
        String objectiveId = objective(cycle());
        String kr = tasksKeyResult(objectiveId, 300);
        String taskId = UUID.randomUUID().toString();
        String eventId = TestEvents.publish(TOPIC, kr, CHANGED, rollup(kr, 1, "1", "300", taskId));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> asViewer().get("/api/v1/key-results/" + kr)
                .then().body("progress", is(0.0033)).body("currentValue", is(1)));
        JsonPath history = asViewer().get("/api/v1/key-results/" + kr + "/history").then().extract().jsonPath();
        assertThat(history.getString("[-1].source"), is("TASKS"));
        assertThat(history.getString("[-1].cause"), containsString(taskId));
        assertThat(history.getString("[-1].cause"), containsString("req-1"));
        assertThat(history.getString("[-1].cause"), containsString(eventId));

        var out = TestEvents.awaitRecords("okr.key-results", r -> r.key().equals(kr)
                && "okr.key-result.progress-changed".equals(TestEvents.header(r, "ce_type")), 1);
        assertThat(TestEvents.header(out.get(0), "ce_source"), is("/okr-service"));
        assertThat(JsonPath.from(out.get(0).value()).getInt("currentValue"), is(1));
        TestEvents.awaitRecords("okr.objectives", r -> r.key().equals(objectiveId)
                && "okr.objective.progress-changed".equals(TestEvents.header(r, "ce_type")), 1);
    }

    @Test
    void theContractSampleIsApplied() {
        // the sample: 3.5 of 10 counted weight done, sequence 7
        String objectiveId = objective(cycle());
        String kr = tasksKeyResult(objectiveId, 10);
        TestEvents.publish(TOPIC, kr, CHANGED, EventContract.sample(CHANGED, Map.of("keyResultId", kr)));
        awaitProgress(kr, 0.35);
        asViewer().get("/api/v1/key-results/" + kr).then().body("currentValue", is(3.5));
        Long sequence = QuarkusTransaction.requiringNew().call(() -> ((Number) Panache.getEntityManager()
                .createNativeQuery("select tasks_sequence from key_result where id = ?1")
                .setParameter(1, UUID.fromString(kr)).getSingleResult()).longValue());
        assertThat(sequence, is(7L));
        assertThat(historyProgress(kr), is(List.of(0.0, 0.35)));
    }

    @Test
    void rollupsOutOfOrderOrTwiceLeaveTheNewestAndNoStepBack() {
        String kr = tasksKeyResult(objective(cycle()), 4);
        publish(kr, 3, "3", "4");
        awaitProgress(kr, 0.75);
        publish(kr, 1, "1", "4");   // late
        publish(kr, 2, "2", "4");   // late
        publish(kr, 3, "3", "4");   // a duplicate
        publish(kr, 4, "4", "4");   // behind them on the same partition: once applied, the others were seen
        awaitProgress(kr, 1.0);
        // created at 0, then 0.75 and 1.0: nothing in between, nothing twice
        assertThat(historyProgress(kr), is(List.of(0.0, 0.75, 1.0)));
        asViewer().get("/api/v1/key-results/" + kr).then().body("currentValue", is(4));
    }

    @Test
    void aPoisonRecordIsDeadLetteredLoggedCountedAndTheNextOneIsApplied() {
        String kr = tasksKeyResult(objective(cycle()), 10);
        double before = deadLetterCount();
        String poison = TestEvents.publish(TOPIC, kr, CHANGED, "{not json");
        String wrongType = TestEvents.publish(TOPIC, kr, "project.key-result-work.exploded", rollup(kr, 9, "1", "1",
                UUID.randomUUID().toString()));
        publish(kr, 1, "5", "10");
        awaitProgress(kr, 0.5);

        String letter = awaitDeadLetter(poison);
        asAdmin().get("/api/v1/admin/dead-letters/" + letter).then().statusCode(200)
                .body("topic", is(TOPIC)).body("consumerGroup", is("okr-service")).body("status", is("OPEN"))
                .body("reason", containsString("not a readable")).body("payload", is("{not json"));
        awaitDeadLetter(wrongType);
        assertThat(deadLetterCount() - before, is(2.0));
        EventContract.assertMatches("okrpm.dead-letter.recorded",
                TestEvents.awaitRecords("okr-service.dlq", r -> r.value().contains(poison), 1).get(0).value());

        // still poison: a re-drive says why and leaves it open; an admin may discard it
        asAdmin().post("/api/v1/admin/dead-letters/" + letter + "/redrive").then().statusCode(422)
                .contentType("application/problem+json");
        asAdmin().delete("/api/v1/admin/dead-letters/" + letter).then().statusCode(200).body("status", is("DISCARDED"));
        asAdmin().get("/api/v1/admin/dead-letters").then().statusCode(200).body("items.id", not(hasItem(letter)));
        asMember().get("/api/v1/admin/dead-letters").then().statusCode(403);
    }

    @Test
    void aDeadLetterThatCanBeAppliedNowIsReDriven() {
        String kr = tasksKeyResult(objective(cycle()), 2);
        // as a release with a bug would have left it: a valid rollup that was dead-lettered
        UUID id = QuarkusTransaction.requiringNew().call(() -> {
            DeadLetter letter = new DeadLetter();
            letter.id = UUID.randomUUID();
            letter.consumerGroup = "okr-service";
            letter.channel = "key-result-work";
            letter.topic = TOPIC;
            letter.eventId = UUID.randomUUID().toString();
            letter.eventType = CHANGED;
            letter.subject = kr;
            letter.eventTime = Instant.now();
            letter.payload = rollup(kr, 1, "1", "2", UUID.randomUUID().toString());
            letter.reason = "a bug since fixed";
            letter.status = DeadLetter.Status.OPEN;
            letter.createdAt = Instant.now();
            letter.persist();
            return letter.id;
        });
        asAdmin().post("/api/v1/admin/dead-letters/" + id + "/redrive").then().statusCode(200)
                .body("status", is("REDRIVEN")).body("redrives", is(1));
        asViewer().get("/api/v1/key-results/" + kr).then().body("progress", is(0.5)).body("currentValue", is(1));
        asAdmin().post("/api/v1/admin/dead-letters/" + id + "/redrive").then().statusCode(409);
    }

    @Test
    void aDatabaseErrorIsRetriedUntilItPassesNeverDeadLettered() {
        String kr = tasksKeyResult(objective(cycle()), 2);
        sql("alter table key_result rename to key_result_away");
        String eventId;
        try {
            eventId = publish(kr, 1, "2", "2");
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> Management.api().get("/q/health/ready").then()
                    .statusCode(200).body("checks.find { it.name == 'event consumers' }.data.waiting", is(1)));
        } finally {
            sql("alter table key_result_away rename to key_result");
        }
        awaitProgress(kr, 1.0);
        assertThat(QuarkusTransaction.requiringNew().call(() -> DeadLetter.count("eventId", eventId)), is(0L));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> Management.api().get("/q/health/ready").then()
                .body("checks.find { it.name == 'event consumers' }.data.waiting", is(0)));
    }

    @Test
    void rollupsOfAClosedCycleAreKeptButDoNotMoveTheKeyResult() {
        String cycleId = cycle();
        String kr = tasksKeyResult(objective(cycleId), 2);
        for (String phase : new String[] {"EXECUTION", "RETROSPECTIVE", "CLOSED"}) {
            asMember().body(Map.of("phase", phase)).post("/api/v1/cycles/" + cycleId + "/phase").then().statusCode(200);
        }
        publish(kr, 1, "2", "2");
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                ((Number) Panache.getEntityManager().createNativeQuery(
                        "select tasks_sequence from key_result where id = ?1")
                        .setParameter(1, UUID.fromString(kr)).getSingleResult()).longValue() == 1));
        asViewer().get("/api/v1/key-results/" + kr).then().body("progress", is(0.0));
    }

    private double deadLetterCount() {
        var counter = metrics.find("okrpm.events.dead.letters").tag("topic", TOPIC).counter();
        return counter == null ? 0 : counter.count();
    }

    private static String awaitDeadLetter(String eventId) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                        DeadLetter.<DeadLetter>find("eventId", eventId).firstResultOptional().map(d -> d.id.toString())
                                .orElse(null)),
                id -> id != null);
    }

    private static void sql(String statement) {
        QuarkusTransaction.requiringNew().run(() ->
                Panache.getEntityManager().createNativeQuery(statement).executeUpdate());
    }
}

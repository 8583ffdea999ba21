package org.okrpm.okr.rollover;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.okrpm.kit.testing.TestTokens.asViewer;
import static org.okrpm.okr.OkrFixtures.cycle;
import static org.okrpm.okr.OkrFixtures.cycleIn;
import static org.okrpm.okr.OkrFixtures.keyResult;
import static org.okrpm.okr.OkrFixtures.objective;
import static org.okrpm.okr.rollover.RolloverResourceTest.moveTo;
import static org.okrpm.okr.rollover.RolloverResourceTest.rollOver;
import static org.okrpm.okr.rollover.RolloverResourceTest.to;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.okrpm.kit.testing.EventContract;
import org.okrpm.kit.testing.TestEvents;
import org.okrpm.okr.keyresult.KeyResult;

/** What a rollover announces, and how the old key result holds still once its open tasks moved on. */
@QuarkusTest
class RolloverEventsTest {

    private static final String ROLLED_OVER = "okr.key-result.rolled-over";

    private static String rollup(String keyResultId, long sequence, String done, String counted) {
        return TestEvents.publish("project.key-result-work", keyResultId, "project.key-result-work.changed",
                "{\"keyResultId\":\"" + keyResultId + "\",\"sequence\":" + sequence + ",\"doneWeight\":" + done
                        + ",\"countedWeight\":" + counted + ",\"tasks\":{\"TODO\":0,\"IN_PROGRESS\":0,\"DONE\":0,"
                        + "\"CANCELLED\":0},\"changedTaskIds\":[\"" + UUID.randomUUID() + "\"],\"requestIds\":[]}");
    }

    private static long tasksSequence(String keyResultId) {
        return QuarkusTransaction.requiringNew().call(() -> KeyResult.<KeyResult>findById(UUID.fromString(keyResultId)))
                .tasksSequence;
    }

    private static void awaitProgress(String keyResultId, double progress) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                asViewer().get("/api/v1/key-results/" + keyResultId).then().body("progress", is(progress)));
    }

    @Test
    void theContinuationIsAnnouncedWithWhatItContinues() {
        String source = cycleIn("EXECUTION");
        String old = keyResult(objective(source), 0, 10, 1, "TASKS");
        moveTo(source, "RETROSPECTIVE");
        String carried = to(rollOver(source, cycle()).statusCode(200).extract().jsonPath(), old);

        ConsumerRecord<String, String> record = TestEvents.awaitRecords("okr.key-results",
                r -> carried.equals(r.key()) && ROLLED_OVER.equals(TestEvents.header(r, "ce_type")), 1).get(0);
        EventContract.assertMatches(ROLLED_OVER, record.value());
        JsonPath snapshot = JsonPath.from(record.value());
        assertThat(snapshot.getString("id"), is(carried));
        assertThat(snapshot.getString("previousId"), is(old));
        assertThat(snapshot.getString("progressSource"), is("TASKS"));
        // created first, then linked: in that order on the key result's partition
        List<String> types = TestEvents.awaitRecords("okr.key-results", r -> carried.equals(r.key()), 2).stream()
                .map(r -> TestEvents.header(r, "ce_type")).toList();
        assertThat(types.subList(0, 2), is(List.of("okr.key-result.created", ROLLED_OVER)));
    }

    @Test
    void aRolledOverTasksKeyResultNoLongerFollowsTheTasksLeftBehind() {
        String source = cycleIn("EXECUTION");
        String old = keyResult(objective(source), 0, 10, 1, "TASKS");
        rollup(old, 1, "1", "2");
        awaitProgress(old, 0.5);
        moveTo(source, "RETROSPECTIVE");
        String carried = to(rollOver(source, cycle()).statusCode(200).extract().jsonPath(), old);

        // project-service moved the open task on: what is left is one DONE task of one
        rollup(old, 2, "1", "1");
        rollup(carried, 1, "0", "1");
        await().atMost(Duration.ofSeconds(20)).until(() -> tasksSequence(old) == 2);
        asViewer().get("/api/v1/key-results/" + old).then().body("progress", is(0.5)).body("currentValue", is(5));
        asViewer().get("/api/v1/key-results/" + old + "/history").then().body("progress", is(List.of(0.0, 0.5)));
        await().atMost(Duration.ofSeconds(20)).until(() -> tasksSequence(carried) == 1);
        asViewer().get("/api/v1/key-results/" + carried).then().body("progress", is(0.0));
    }
}

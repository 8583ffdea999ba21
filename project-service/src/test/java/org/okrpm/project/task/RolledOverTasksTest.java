package org.okrpm.project.task;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.okrpm.kit.testing.TestTokens.asViewer;
import static org.okrpm.project.ProjectFixtures.changeStage;
import static org.okrpm.project.ProjectFixtures.keyResult;
import static org.okrpm.project.ProjectFixtures.project;
import static org.okrpm.project.ProjectFixtures.setStatus;
import static org.okrpm.project.ProjectFixtures.task;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.okrpm.kit.testing.EventContract;
import org.okrpm.kit.testing.TestEvents;
import org.okrpm.project.keyresultwork.Rollups;
import org.okrpm.project.keyresultwork.Rollups.Rollup;

/** okr.key-result.rolled-over, through the real broker: the old key result's open tasks follow the new one. */
@QuarkusTest
class RolledOverTasksTest {

    private static final String ROLLED_OVER = "okr.key-result.rolled-over";

    /** The event okr-service publishes when {@code carried} continues {@code old}; returns its event id. */
    private static String rolledOver(String carried, String old, String eventId) {
        return TestEvents.publish("okr.key-results", carried, ROLLED_OVER,
                EventContract.sample(ROLLED_OVER, Map.of("id", carried, "previousId", old, "version", 1)), eventId);
    }

    private static String keyResultOf(String taskId) {
        return asViewer().get("/api/v1/tasks/" + taskId).then().statusCode(200).extract().path("keyResultId");
    }

    private static String withKeyResult(String projectId, String keyResultId, Number weight, String status) {
        String id = task(projectId, Map.of("keyResultId", keyResultId, "weight", weight));
        if (!status.equals("TODO")) {
            setStatus(id, status);
        }
        return id;
    }

    @Test
    void openTasksFollowTheNewKeyResultDoneOnesStayAndBothRollupsAreExact() {
        String projectId = project();
        String old = keyResult();
        String todo = withKeyResult(projectId, old, 2, "TODO");
        String doing = withKeyResult(projectId, old, 3, "IN_PROGRESS");
        String done = withKeyResult(projectId, old, 5, "DONE");
        String cancelled = withKeyResult(projectId, old, 7, "CANCELLED");
        Rollups.of(old, 7); // four created, three status changes
        // a key result the replica has not seen yet: the event carries its whole snapshot
        String carried = UUID.randomUUID().toString();

        String eventId = UUID.randomUUID().toString();
        TestEvents.awaitConsumed("project-service", rolledOver(carried, old, eventId));

        assertThat(keyResultOf(todo), is(carried));
        assertThat(keyResultOf(doing), is(carried));
        assertThat(keyResultOf(done), is(old));
        assertThat(keyResultOf(cancelled), is(old));
        Rollup left = Rollups.last(old, 8);
        assertThat(left.counts(), is(List.of(0, 0, 1, 1)));
        assertThat(left.doneWeight(), is(new BigDecimal("5")));
        assertThat(left.countedWeight(), is(new BigDecimal("5")));
        Rollup followed = Rollups.last(carried, 1);
        assertThat(followed.counts(), is(List.of(1, 1, 0, 0)));
        assertThat(followed.doneWeight(), is(new BigDecimal("0")));
        assertThat(followed.countedWeight(), is(new BigDecimal("5")));
        assertThat(followed.changedTaskIds(), containsInAnyOrder(todo, doing));
        JsonPath moved = JsonPath.from(TestEvents.awaitRecords("project.tasks", r -> todo.equals(r.key())
                && "project.task.updated".equals(TestEvents.header(r, "ce_type")), 1).get(0).value());
        assertThat(moved.getString("keyResultId"), is(carried));
        assertThat(moved.getString("previousKeyResultId"), is(old));

        // the same event again, and a copy under another id: nothing is left to move
        TestEvents.awaitConsumed("project-service", rolledOver(carried, old, eventId));
        TestEvents.awaitConsumed("project-service", rolledOver(carried, old, UUID.randomUUID().toString()));
        setStatus(todo, "DONE"); // the new key result's next rollup is this one, sequence 2
        Rollup after = Rollups.last(carried, 2);
        assertThat(after.counts(), is(List.of(0, 1, 1, 0)));
        assertThat(after.doneWeight(), is(new BigDecimal("2")));
        assertThat(after.changedTaskIds(), is(List.of(todo)));
        assertThat(keyResultOf(done), is(old));
    }

    @Test
    void theOpenTasksOfACancelledProjectStay() {
        String old = keyResult();
        String running = project();
        String follows = withKeyResult(running, old, 1, "TODO");
        String cancelledProject = project();
        String stays = withKeyResult(cancelledProject, old, 1, "TODO");
        changeStage(cancelledProject, "CANCELLED");
        String carried = UUID.randomUUID().toString();

        TestEvents.awaitConsumed("project-service", rolledOver(carried, old, UUID.randomUUID().toString()));

        assertThat(keyResultOf(follows), is(carried));
        assertThat(keyResultOf(stays), is(old));
    }

    @Test
    void aRolledOverEventWithoutPreviousIdIsPoison() {
        String carried = UUID.randomUUID().toString();
        Map<String, Object> withoutPreviousId = new HashMap<>(Map.of("id", carried));
        withoutPreviousId.put("previousId", null);
        TestEvents.publish("okr.key-results", carried, ROLLED_OVER, EventContract.sample(ROLLED_OVER, withoutPreviousId));
        var dead = TestEvents.awaitRecords("project-service.dlq", r -> carried.equals(r.key()), 1);
        assertThat(JsonPath.from(dead.get(0).value()).getString("reason"), containsString("previousId"));
    }
}

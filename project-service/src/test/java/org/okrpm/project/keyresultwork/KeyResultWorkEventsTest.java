package org.okrpm.project.keyresultwork;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.okrpm.kit.testing.TestTokens.asMember;
import static org.okrpm.project.ProjectFixtures.keyResult;
import static org.okrpm.project.ProjectFixtures.project;
import static org.okrpm.project.ProjectFixtures.setStatus;
import static org.okrpm.project.ProjectFixtures.task;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.okrpm.project.keyresultwork.Rollups.Rollup;
import org.okrpm.project.task.TaskService;

/** The rollup of a key result's tasks (docs/events.md, 'Facts that combine many aggregates') on project.key-result-work, read back from Kafka. */
@QuarkusTest
class KeyResultWorkEventsTest {

    @Inject
    TaskService tasks;

    @Inject
    ObjectMapper mapper;

    private static BigDecimal decimal(String value) {
        return new BigDecimal(value);
    }

    private static void patch(String taskId, Map<String, Object> fields) {
        asMember().body(fields).patch("/api/v1/tasks/" + taskId).then().statusCode(200);
    }

    @Test
    void everyChangeOfALinkedTaskPublishesTheKeyResultsSumsCountsAndNextSequence() {
        String projectId = project();
        String kr = keyResult();
        String a = asMember().header("X-Request-Id", "req-rollup-create")
                .body(Map.of("title", "Design the sign-up flow", "keyResultId", kr, "weight", 2))
                .post("/api/v1/projects/" + projectId + "/tasks").then().statusCode(201).extract().path("id");
        String b = task(projectId, Map.of("keyResultId", kr, "weight", 3));
        task(projectId); // linked to no key result: in no rollup
        setStatus(a, "DONE");
        patch(a, Map.of("title", "Design the sign-up flow, v2")); // moves no figure: no rollup
        setStatus(a, "IN_PROGRESS");
        setStatus(b, "CANCELLED");
        patch(a, Map.of("status", "DONE", "weight", 4.5));
        asMember().delete("/api/v1/tasks/" + b).then().statusCode(204);

        List<Rollup> rollups = Rollups.of(kr, 7);
        // counts: TODO, IN_PROGRESS, DONE, CANCELLED
        assertThat(rollups.get(0).counts(), is(List.of(1, 0, 0, 0)));
        assertThat(rollups.get(0).doneWeight(), is(decimal("0")));
        assertThat(rollups.get(0).countedWeight(), is(decimal("2")));
        assertThat(rollups.get(0).changedTaskIds(), is(List.of(a)));
        assertThat(rollups.get(0).requestIds(), is(List.of("req-rollup-create")));
        assertThat(rollups.get(0).at(), notNullValue());
        assertThat(rollups.get(1).counts(), is(List.of(2, 0, 0, 0)));
        assertThat(rollups.get(1).countedWeight(), is(decimal("5")));
        assertThat(rollups.get(1).changedTaskIds(), is(List.of(b)));
        // completed
        assertThat(rollups.get(2).counts(), is(List.of(1, 0, 1, 0)));
        assertThat(rollups.get(2).doneWeight(), is(decimal("2")));
        assertThat(rollups.get(2).countedWeight(), is(decimal("5")));
        assertThat(rollups.get(2).changedTaskIds(), is(List.of(a)));
        // reopened
        assertThat(rollups.get(3).counts(), is(List.of(1, 1, 0, 0)));
        assertThat(rollups.get(3).doneWeight(), is(decimal("0")));
        // cancelled: no longer counted
        assertThat(rollups.get(4).counts(), is(List.of(0, 1, 0, 1)));
        assertThat(rollups.get(4).countedWeight(), is(decimal("2")));
        assertThat(rollups.get(4).changedTaskIds(), is(List.of(b)));
        // completed with a new weight
        assertThat(rollups.get(5).counts(), is(List.of(0, 0, 1, 1)));
        assertThat(rollups.get(5).doneWeight(), is(decimal("4.5")));
        assertThat(rollups.get(5).countedWeight(), is(decimal("4.5")));
        // deleted
        assertThat(rollups.get(6).counts(), is(List.of(0, 0, 1, 0)));
        assertThat(rollups.get(6).doneWeight(), is(decimal("4.5")));
        assertThat(rollups.get(6).changedTaskIds(), is(List.of(b)));
        assertThat(rollups.get(6).requestIds().size(), is(1)); // every request has an X-Request-Id
    }

    @Test
    void aTaskMovedToAnotherKeyResultRollsUpBoth() {
        String projectId = project();
        String from = keyResult();
        String to = keyResult();
        String moving = task(projectId, Map.of("keyResultId", from, "weight", 2));
        task(projectId, Map.of("keyResultId", from));
        setStatus(moving, "DONE");

        patch(moving, Map.of("keyResultId", to));
        Rollup left = Rollups.last(from, 4);
        assertThat(left.counts(), is(List.of(1, 0, 0, 0)));
        assertThat(left.doneWeight(), is(decimal("0")));
        assertThat(left.countedWeight(), is(decimal("1")));
        assertThat(left.changedTaskIds(), is(List.of(moving)));
        Rollup joined = Rollups.last(to, 1);
        assertThat(joined.counts(), is(List.of(0, 0, 1, 0)));
        assertThat(joined.doneWeight(), is(decimal("2")));
        assertThat(joined.changedTaskIds(), is(List.of(moving)));

        Map<String, Object> unlink = new HashMap<>();
        unlink.put("keyResultId", null);
        patch(moving, unlink);
        Rollup unlinked = Rollups.last(to, 2);
        assertThat(unlinked.counts(), is(List.of(0, 0, 0, 0)));
        assertThat(unlinked.doneWeight(), is(decimal("0")));
        assertThat(unlinked.countedWeight(), is(decimal("0")));
    }

    @Test
    void weightsAddUpExactlyAsDecimals() {
        String projectId = project();
        String kr = keyResult();
        String tenth = task(projectId, Map.of("keyResultId", kr, "weight", 0.1));
        String fifth = task(projectId, Map.of("keyResultId", kr, "weight", 0.2));
        setStatus(tenth, "DONE");
        setStatus(fifth, "DONE");
        String third = task(projectId, Map.of("keyResultId", kr, "weight", 1.0 / 3));
        setStatus(third, "CANCELLED");
        String largest = task(projectId, Map.of("keyResultId", kr, "weight", 1_000_000));

        List<Rollup> rollups = Rollups.of(kr, 7);
        assertThat(rollups.get(1).countedWeight(), is(decimal("0.3"))); // as doubles: 0.30000000000000004
        assertThat(rollups.get(3).doneWeight(), is(decimal("0.3")));
        assertThat(rollups.get(4).countedWeight(), is(decimal("0.6333333333333333")));
        assertThat(rollups.get(5).countedWeight(), is(decimal("0.3")));
        assertThat(rollups.get(6).countedWeight(), is(decimal("1000000.3")));
        assertThat(rollups.get(6).doneWeight(), is(decimal("0.3")));
        assertThat(rollups.get(6).changedTaskIds(), is(List.of(largest)));
        assertThat(rollups.get(6).counts(), is(List.of(1, 0, 2, 1)));
    }

    @Test
    void deletingAProjectRollsUpTheKeyResultsOfItsTasks() {
        String kr = keyResult();
        String doomed = project();
        String kept = project();
        String doneThere = task(doomed, Map.of("keyResultId", kr, "weight", 2));
        setStatus(doneThere, "DONE");
        String todoThere = task(doomed, Map.of("keyResultId", kr));
        task(kept, Map.of("keyResultId", kr, "weight", 5));

        asMember().delete("/api/v1/projects/" + doomed).then().statusCode(204);
        Rollup rollup = Rollups.last(kr, 5);
        assertThat(rollup.counts(), is(List.of(1, 0, 0, 0)));
        assertThat(rollup.doneWeight(), is(decimal("0")));
        assertThat(rollup.countedWeight(), is(decimal("5")));
        assertThat(rollup.changedTaskIds(), contains(doneThere, todoThere));
    }

    @Test
    void concurrentChangesOfOneKeyResultTakeTurnsSoEachSequenceIsOneCommittedState() throws Exception {
        String kr = keyResult(); // no rollup row yet: the first ones race to insert it
        int writers = 8;
        List<String> projects = IntStream.range(0, writers).mapToObj(i -> project()).toList(); // no shared lock
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (String projectId : projects) {
                statuses.add(pool.submit(() -> asMember().body(Map.of("title", "Racing", "keyResultId", kr))
                        .post("/api/v1/projects/" + projectId + "/tasks").then().extract().statusCode()));
            }
            for (Future<Integer> status : statuses) {
                assertThat(status.get(), is(201));
            }
        } finally {
            pool.shutdownNow();
        }
        // the holder of sequence n saw the n-1 tasks committed before it and its own, never one in flight
        for (Rollup rollup : Rollups.of(kr, writers)) {
            assertThat(rollup.counts(), is(List.of((int) rollup.sequence(), 0, 0, 0)));
            assertThat(rollup.countedWeight(), is(decimal(Long.toString(rollup.sequence()))));
        }
    }

    @Test
    void aRolledBackChangePublishesNoRollupAndTakesNoSequence() {
        String kr = keyResult();
        String taskId = task(project(), Map.of("keyResultId", kr));
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            tasks.update(UUID.fromString(taskId), null, mapper.valueToTree(Map.of("status", "DONE")));
            throw new IllegalStateException("the change fails after its rollup was written");
        }));
        setStatus(taskId, "IN_PROGRESS");

        Rollup next = Rollups.last(kr, 2); // sequence 2: the rolled-back completion took none
        assertThat(next.counts(), is(List.of(0, 1, 0, 0)));
        KeyResultWork stored = QuarkusTransaction.requiringNew().call(() -> KeyResultWork.findById(UUID.fromString(kr)));
        assertThat(stored.sequence, is(2L));
        assertThat(stored.inProgressCount, is(1));
        assertThat(stored.doneCount, is(0));
        assertThat(stored.countedWeight.compareTo(BigDecimal.ONE), is(0));
        assertThat(stored.updatedAt.toString(), is(next.at()));
    }
}

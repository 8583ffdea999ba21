package org.okrpm.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A service stopped (SIGTERM, as ops and Ctrl-C stop it) while events flow loses none and applies none twice: its
 * consumers leave their groups at once, what they polled without committing is read again after the restart and
 * applied once (event ids, versions, sequences), and its outbox publishes whatever it had not sent yet.
 */
class StopRestartTest {

    private static RequestSpecification member() {
        return Stack.member("alice");
    }

    private static String created(String path, Map<String, Object> body) {
        return member().body(body).post(path).then().statusCode(201).extract().path("id");
    }

    private static void stop(String... services) {
        List<Thread> stops = new ArrayList<>();
        for (String name : services) {
            Thread stop = new Thread(() -> Stack.get().service(name).stop(), "stop-" + name);
            stop.start();
            stops.add(stop);
        }
        stops.forEach(StopRestartTest::join);
    }

    private static void start(String... services) {
        List<Thread> starts = new ArrayList<>();
        for (String name : services) {
            Thread start = new Thread(() -> Stack.get().startService(name), "start-" + name);
            start.start();
            starts.add(start);
        }
        starts.forEach(StopRestartTest::join);
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void checkIn(String keyResultId, int value) {
        created("/api/v1/check-ins", Map.of("keyResultId", keyResultId, "value", value, "confidence", 0.8));
    }

    private static void complete(String taskId) {
        member().body(Map.of("status", "DONE")).patch("/api/v1/tasks/" + taskId).then().statusCode(200);
    }

    private static JsonPath history(String keyResultId) {
        return member().get("/api/v1/key-results/" + keyResultId + "/history").then().statusCode(200).extract()
                .jsonPath();
    }

    @Test
    void servicesStoppedWhileEventsFlowLoseNothingAndRepeatNothing() {
        String cycleId = created("/api/v1/cycles", Map.of("name", "stop-" + UUID.randomUUID(),
                "startDate", "2026-10-01", "endDate", "2026-12-31"));
        member().body(Map.of("phase", "EXECUTION")).post("/api/v1/cycles/" + cycleId + "/phase").then().statusCode(200);
        String objectiveId = created("/api/v1/objectives", Map.of("cycleId", cycleId, "title", "Stop cleanly",
                "level", "TEAM"));
        String manual = created("/api/v1/objectives/" + objectiveId + "/key-results", Map.of("title", "Checked in",
                "metricType", "NUMBER", "startValue", 0, "targetValue", 100, "progressSource", "MANUAL"));
        String byTasks = created("/api/v1/objectives/" + objectiveId + "/key-results", Map.of("title", "Worked off",
                "metricType", "NUMBER", "startValue", 0, "targetValue", 100, "progressSource", "TASKS"));
        String projectId = created("/api/v1/projects", Map.of("name", "Stop cleanly",
                "keyResultIds", List.of(byTasks)));
        List<String> tasks = IntStream.range(0, 10).mapToObj(i -> created("/api/v1/projects/" + projectId + "/tasks",
                Map.of("title", "Task " + i, "keyResultId", byTasks))).toList();

        // okr-service stops while it applies the first half
        for (int i = 1; i <= 5; i++) {
            checkIn(manual, i);
            complete(tasks.get(i - 1));
        }
        stop("okr-service");
        // the second half waits on the broker; its producers stop right after writing it, relays possibly mid-batch
        for (int i = 6; i <= 10; i++) {
            checkIn(manual, i);
            complete(tasks.get(i - 1));
        }
        stop("checkin-service", "project-service");
        start("okr-service", "project-service", "checkin-service");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            // a JSON number: 10 and 10.0 are the same value
            assertEquals(10.0, member().get("/api/v1/key-results/" + manual).then().statusCode(200).extract()
                    .jsonPath().getDouble("currentValue"));
            member().get("/api/v1/key-results/" + byTasks).then().statusCode(200).body("progress", is(1.0));
        });

        JsonPath checkIns = history(manual);
        List<Double> values = checkIns.getList("findAll { it.source == 'CHECKIN' }.currentValue", Double.class);
        assertEquals(List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0), values,
                "every check-in applied once, in order");

        List<Double> progress = history(byTasks).getList("findAll { it.source == 'TASKS' }.progress", Double.class);
        for (int i = 1; i < progress.size(); i++) {
            assertTrue(progress.get(i) > progress.get(i - 1), "each rollup applied once, never an older one: "
                    + progress);
        }
        assertEquals(1.0, progress.get(progress.size() - 1));
    }
}

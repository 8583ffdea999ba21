package org.okrpm.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The data a benchmark works on, made through the public API: a cycle in EXECUTION, objectives of ten TASKS
 * key results each, one project per key result and its open tasks.
 */
final class Fixture {

    /** Every key result's scale: NUMBER from 0 to 100, so currentValue shows done ÷ tasks on it. */
    static final BigDecimal START_VALUE = BigDecimal.ZERO;
    static final BigDecimal TARGET_VALUE = BigDecimal.valueOf(100);

    /** A TASKS key result and the ids of the open tasks (weight 1) linked to it. */
    record LinkedKeyResult(String id, List<String> taskIds) {
    }

    private Fixture() {
    }

    static List<LinkedKeyResult> create(Api api, int keyResults, int tasksPerKeyResult, int parallelism)
            throws Exception {
        String cycleId = executingCycle(api);
        List<String> krIds = new ArrayList<>();
        String objectiveId = null;
        for (int i = 0; i < keyResults; i++) {
            if (i % 10 == 0) {
                objectiveId = api.post("/api/v1/objectives", Map.of("cycleId", cycleId,
                        "title", "Benchmark objective " + i / 10, "level", "TEAM"), 201).get("id").asText();
            }
            krIds.add(api.post("/api/v1/objectives/" + objectiveId + "/key-results", Map.of("title", "KR " + i,
                    "metricType", "NUMBER", "startValue", START_VALUE, "targetValue", TARGET_VALUE,
                    "progressSource", "TASKS"), 201).get("id").asText());
        }
        ExecutorService pool = Executors.newFixedThreadPool(parallelism);
        try {
            List<Future<LinkedKeyResult>> linked = new ArrayList<>();
            for (String krId : krIds) {
                linked.add(pool.submit(() -> project(api, krId, tasksPerKeyResult)));
            }
            List<LinkedKeyResult> result = new ArrayList<>();
            for (Future<LinkedKeyResult> future : linked) {
                result.add(future.get());
            }
            return result;
        } finally {
            pool.shutdownNow();
        }
    }

    private static LinkedKeyResult project(Api api, String krId, int tasks) {
        String projectId = api.post("/api/v1/projects", Map.of("name", "Project for " + krId,
                "keyResultIds", List.of(krId)), 201).get("id").asText();
        List<String> taskIds = new ArrayList<>();
        for (int t = 0; t < tasks; t++) {
            taskIds.add(api.post("/api/v1/projects/" + projectId + "/tasks", Map.of("title", "Task " + t,
                    "keyResultId", krId), 201).get("id").asText());
        }
        return new LinkedKeyResult(krId, taskIds);
    }

    /** A cycle over the current quarter, moved to EXECUTION so linked tasks move its key results. */
    private static String executingCycle(Api api) {
        LocalDate today = LocalDate.now();
        LocalDate start = today.with(IsoFields.DAY_OF_QUARTER, 1);
        LocalDate end = start.plusMonths(3).minusDays(1);
        String cycleId = api.post("/api/v1/cycles", Map.of("name", "Benchmark " + UUID.randomUUID(),
                "startDate", start.toString(), "endDate", end.toString()), 201).get("id").asText();
        api.post("/api/v1/cycles/" + cycleId + "/phase", Map.of("phase", "EXECUTION"), 200);
        return cycleId;
    }
}

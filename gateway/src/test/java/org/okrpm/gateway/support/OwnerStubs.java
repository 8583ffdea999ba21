package org.okrpm.gateway.support;

import com.sun.net.httpserver.HttpExchange;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts the three owner stand-ins and points the gateway at them ({@code okrpm.test.stub.*}, which the test
 * profile uses as upstream URLs). The overview fixtures live here: one objective with two key results, a
 * project linked to the first, and a check-in for each.
 */
public class OwnerStubs implements QuarkusTestResourceLifecycleManager {

    public static final String OBJECTIVE_ID = "0b1ec71e-0000-4000-8000-000000000001";
    public static final String KR_WITH_PROJECT = "4e500000-0000-4000-8000-000000000001";
    public static final String KR_WITHOUT_PROJECT = "4e500000-0000-4000-8000-000000000002";
    public static final String UNKNOWN_OBJECTIVE_ID = "0b1ec71e-0000-4000-8000-00000000dead";
    public static final String CREATED_WEBHOOK_ID = "3eb00000-0000-4000-8000-000000000001";
    /** The cycle overview's fixtures: the objective above (team alpha) and one of team beta with one key result. */
    public static final String CYCLE_ID = "c1c1e000-0000-4000-8000-000000000001";
    public static final String UNKNOWN_CYCLE_ID = "c1c1e000-0000-4000-8000-00000000dead";
    public static final String BETA_OBJECTIVE_ID = "0b1ec71e-0000-4000-8000-000000000002";
    public static final String BETA_KR = "4e500000-0000-4000-8000-000000000003";
    public static final String SHARED_PROJECT_ID = "9e0c0000-0000-4000-8000-000000000002";

    /** Each owner's audit trail, newest first; merged they interleave: okr 3, project 2, okr 2, checkin 1, ... */
    public static final List<JsonObject> OKR_AUDIT = List.of(
            auditEntry(3, "2026-11-20T10:05:00Z", "ada", "Objective"),
            auditEntry(2, "2026-11-20T10:03:00Z", "alice", "KeyResult"),
            auditEntry(1, "2026-11-20T10:01:00Z", "ada", "Objective"));
    public static final List<JsonObject> PROJECT_AUDIT = List.of(
            auditEntry(2, "2026-11-20T10:04:00Z", "alice", "Task"),
            auditEntry(1, "2026-11-20T10:00:00Z", "ada", "Project"));
    public static final List<JsonObject> CHECKIN_AUDIT = List.of(
            auditEntry(1, "2026-11-20T10:02:00Z", "alice", "CheckIn"));

    private StubOwner okr;
    private StubOwner project;
    private StubOwner checkin;

    @Override
    public Map<String, String> start() {
        // read once by the JDK server's configuration: without it small answers wait for delayed ACKs (~40 ms)
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            // every owner also documents its own dead-letter admin, which the gateway does not route
            okr = new StubOwner("okr-service", List.of("/api/v1/cycles", "/api/v1/objectives", "/api/v1/key-results",
                    "/api/v1/webhooks", "/api/v1/admin/dead-letters"), withAudit(OKR_AUDIT, OwnerStubs::okr));
            project = new StubOwner("project-service", List.of("/api/v1/projects", "/api/v1/tasks",
                    "/api/v1/integrations"), withAudit(PROJECT_AUDIT, OwnerStubs::project));
            checkin = new StubOwner("checkin-service", List.of("/api/v1/check-ins", "/api/v1/reviews",
                    "/api/v1/retrospectives"), withAudit(CHECKIN_AUDIT, OwnerStubs::checkin));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("okrpm.test.stub.okr", okr.url(),
                "okrpm.test.stub.project", project.url(),
                "okrpm.test.stub.checkin", checkin.url());
    }

    @Override
    public void stop() {
        for (StubOwner stub : new StubOwner[] {okr, project, checkin}) {
            if (stub != null) {
                stub.stop();
            }
        }
    }

    private static StubOwner.Answer okr(HttpExchange exchange) {
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/api/v1/webhooks") && exchange.getRequestMethod().equals("POST")) {
            // as a real owner answers: the new resource named by the owner's own (internal) address
            String self = "http://localhost:" + exchange.getLocalAddress().getPort();
            return new StubOwner.Answer(201, "application/json",
                    Map.of("Location", self + "/api/v1/webhooks/" + CREATED_WEBHOOK_ID + "?view=full"),
                    new JsonObject().put("id", CREATED_WEBHOOK_ID).encode());
        }
        if (path.equals("/api/v1/objectives/" + OBJECTIVE_ID)) {
            JsonArray keyResults = new JsonArray()
                    .add(keyResult(KR_WITH_PROJECT, "TASKS", 0.5))
                    .add(keyResult(KR_WITHOUT_PROJECT, "MANUAL", 0.25));
            return StubOwner.Answer.json(200, new JsonObject().put("id", OBJECTIVE_ID).put("title", "Delight users")
                    .put("cycleId", "c1c1e000-0000-4000-8000-000000000001").put("progress", 0.375)
                    .put("version", 3).put("keyResults", keyResults));
        }
        if (path.equals("/api/v1/cycles/" + CYCLE_ID)) {
            return StubOwner.Answer.json(200, new JsonObject().put("id", CYCLE_ID).put("name", "2026-Q4")
                    .put("phase", "EXECUTION").put("version", 2));
        }
        if (path.equals("/api/v1/cycles/" + UNKNOWN_CYCLE_ID)) {
            return new StubOwner.Answer(404, "application/problem+json", Map.of(), new JsonObject()
                    .put("type", "https://okrpm.org/problems/not-found").put("title", "Resource not found")
                    .put("status", 404).put("detail", "Cycle " + UNKNOWN_CYCLE_ID + " does not exist")
                    .put("instance", path).encode());
        }
        String query = exchange.getRequestURI().getQuery();
        if (path.equals("/api/v1/objectives") && query != null && query.contains("cycleId=" + CYCLE_ID)) {
            return cycleObjectives(query);
        }
        if (path.equals("/api/v1/objectives/" + UNKNOWN_OBJECTIVE_ID)) {
            return new StubOwner.Answer(404, "application/problem+json", Map.of(), new JsonObject()
                    .put("type", "https://okrpm.org/problems/not-found").put("title", "Resource not found")
                    .put("status", 404).put("detail", "Objective " + UNKNOWN_OBJECTIVE_ID + " does not exist")
                    .put("instance", path).encode());
        }
        return null;
    }

    /**
     * The cycle's objectives, filtered by teamId, one per page whatever size was asked for (a stingy owner), so
     * that a caller must read every page.
     */
    private static StubOwner.Answer cycleObjectives(String query) {
        List<JsonObject> objectives = new ArrayList<>();
        if (!query.contains("teamId=") || query.contains("teamId=alpha")) {
            objectives.add(new JsonObject().put("id", OBJECTIVE_ID).put("title", "Delight users").put("teamId", "alpha")
                    .put("cycleId", CYCLE_ID).put("keyResults", new JsonArray()
                            .add(keyResult(KR_WITH_PROJECT, "TASKS", 0.5))
                            .add(keyResult(KR_WITHOUT_PROJECT, "MANUAL", 0.25))));
        }
        if (!query.contains("teamId=") || query.contains("teamId=beta")) {
            objectives.add(new JsonObject().put("id", BETA_OBJECTIVE_ID).put("title", "Grow revenue")
                    .put("teamId", "beta")
                    .put("cycleId", CYCLE_ID).put("keyResults", new JsonArray()
                            .add(keyResult(BETA_KR, "TASKS", 0.1).put("objectiveId", BETA_OBJECTIVE_ID))));
        }
        Matcher page = Pattern.compile("(?:^|&)page=(\\d+)").matcher(query);
        int index = page.find() ? Integer.parseInt(page.group(1)) : 0;
        JsonArray items = new JsonArray();
        if (index < objectives.size()) {
            items.add(objectives.get(index));
        }
        return StubOwner.Answer.json(200, new JsonObject().put("items", items).put("page", index).put("size", 1)
                .put("totalItems", objectives.size()).put("totalPages", objectives.size()));
    }

    private static JsonObject keyResult(String id, String source, double progress) {
        return new JsonObject().put("id", id).put("objectiveId", OBJECTIVE_ID).put("title", "KR " + id)
                .put("progressSource", source).put("progress", progress).put("version", 1);
    }

    private static StubOwner.Answer project(HttpExchange exchange) {
        if (!exchange.getRequestURI().getPath().equals("/api/v1/projects")
                || exchange.getRequestURI().getQuery() == null) {
            return null;
        }
        JsonArray items = new JsonArray();
        if (exchange.getRequestURI().getQuery().contains("cycleId=" + CYCLE_ID)) {
            // one project per key result of the cycle with projects, and one shared by both teams' key results
            items.add(new JsonObject().put("id", "9e0c0000-0000-4000-8000-000000000001")
                    .put("name", "Onboarding revamp").put("keyResultIds", new JsonArray().add(KR_WITH_PROJECT))
                    .put("health", new JsonObject().put("status", "AT_RISK")));
            items.add(new JsonObject().put("id", SHARED_PROJECT_ID).put("name", "Checkout")
                    .put("keyResultIds", new JsonArray().add(BETA_KR).add(KR_WITH_PROJECT))
                    .put("health", new JsonObject().put("status", "ON_TRACK")));
            return StubOwner.Answer.json(200, page(items));
        }
        if (exchange.getRequestURI().getQuery().contains("keyResultId=" + KR_WITH_PROJECT)) {
            items.add(new JsonObject().put("id", "9e0c0000-0000-4000-8000-000000000001").put("name", "Onboarding revamp")
                    .put("stage", "EXECUTION").put("keyResultIds", new JsonArray().add(KR_WITH_PROJECT))
                    .put("taskStats", new JsonObject().put("total", 4).put("done", 2).put("open", 2)));
        }
        return StubOwner.Answer.json(200, page(items));
    }

    private static StubOwner.Answer checkin(HttpExchange exchange) {
        if (!exchange.getRequestURI().getPath().equals("/api/v1/check-ins")
                || exchange.getRequestURI().getQuery() == null) {
            return null;
        }
        String query = exchange.getRequestURI().getQuery();
        if (query.contains("cycleId=" + CYCLE_ID)) {
            // the newest check-in of each key result that has one: KR_WITHOUT_PROJECT has none
            JsonArray latest = new JsonArray()
                    .add(new JsonObject().put("id", "c4ec0000-0000-4000-8000-000000000002").put("keyResultId", BETA_KR)
                            .put("confidence", 0.4).put("latestAsked", query.contains("latest=true")))
                    .add(new JsonObject().put("id", "c4ec0000-0000-4000-8000-000000000003")
                            .put("keyResultId", KR_WITH_PROJECT).put("confidence", 0.8)
                            .put("latestAsked", query.contains("latest=true")));
            return StubOwner.Answer.json(200, page(latest));
        }
        String keyResultId = query.contains(KR_WITH_PROJECT) ? KR_WITH_PROJECT : KR_WITHOUT_PROJECT;
        JsonArray items = new JsonArray().add(new JsonObject().put("id", "c4ec0000-0000-4000-8000-000000000001")
                .put("keyResultId", keyResultId).put("confidence", 0.7).put("authorId", "alice")
                .put("createdAt", "2026-11-20T10:00:00Z").put("sizeAsked", query.contains("size=1")));
        return StubOwner.Answer.json(200, page(items));
    }

    private static JsonObject auditEntry(long id, String at, String actor, String type) {
        return new JsonObject().put("id", id).put("occurredAt", at).put("actor", actor).put("action", "UPDATE")
                .put("resourceType", type).put("resourceId", type + "-" + id).put("versionBefore", 0)
                .put("versionAfter", 1).put("requestId", "req-" + id).put("operation", "PATCH /x");
    }

    /** Answers {@code /api/v1/admin/audit} as an owner does: filtered by actor, paged; anything else as before. */
    private static Function<HttpExchange, StubOwner.Answer> withAudit(List<JsonObject> trail,
                                                                      Function<HttpExchange, StubOwner.Answer> rest) {
        return exchange -> {
            if (!exchange.getRequestURI().getPath().equals("/api/v1/admin/audit")) {
                return rest.apply(exchange);
            }
            Map<String, String> query = new HashMap<>();
            String raw = exchange.getRequestURI().getQuery();
            for (String pair : raw == null ? new String[0] : raw.split("&")) {
                String[] parts = pair.split("=", 2);
                query.put(parts[0], parts.length > 1 ? parts[1] : "");
            }
            List<JsonObject> matching = trail.stream()
                    .filter(e -> !query.containsKey("actor") || e.getString("actor").equals(query.get("actor")))
                    .toList();
            int page = Integer.parseInt(query.getOrDefault("page", "0"));
            int size = Integer.parseInt(query.getOrDefault("size", "20"));
            int from = Math.min(page * size, matching.size());
            List<JsonObject> items = matching.subList(from, Math.min(from + size, matching.size()));
            return StubOwner.Answer.json(200, new JsonObject().put("items", new JsonArray(items)).put("page", page)
                    .put("size", size).put("totalItems", matching.size())
                    .put("totalPages", (matching.size() + size - 1) / size));
        };
    }

    private static JsonObject page(JsonArray items) {
        return new JsonObject().put("items", items).put("page", 0).put("size", 20)
                .put("totalItems", items.size()).put("totalPages", items.isEmpty() ? 0 : 1);
    }
}

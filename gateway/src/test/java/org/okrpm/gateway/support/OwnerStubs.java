package org.okrpm.gateway.support;

import com.sun.net.httpserver.HttpExchange;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

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
                    "/api/v1/webhooks", "/api/v1/admin/dead-letters"), OwnerStubs::okr);
            project = new StubOwner("project-service", List.of("/api/v1/projects", "/api/v1/tasks",
                    "/api/v1/integrations"), OwnerStubs::project);
            checkin = new StubOwner("checkin-service", List.of("/api/v1/check-ins", "/api/v1/reviews",
                    "/api/v1/retrospectives"), OwnerStubs::checkin);
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
        if (path.equals("/api/v1/objectives/" + UNKNOWN_OBJECTIVE_ID)) {
            return new StubOwner.Answer(404, "application/problem+json", Map.of(), new JsonObject()
                    .put("type", "https://okrpm.org/problems/not-found").put("title", "Resource not found")
                    .put("status", 404).put("detail", "Objective " + UNKNOWN_OBJECTIVE_ID + " does not exist")
                    .put("instance", path).encode());
        }
        return null;
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
        String keyResultId = query.contains(KR_WITH_PROJECT) ? KR_WITH_PROJECT : KR_WITHOUT_PROJECT;
        JsonArray items = new JsonArray().add(new JsonObject().put("id", "c4ec0000-0000-4000-8000-000000000001")
                .put("keyResultId", keyResultId).put("confidence", 0.7).put("authorId", "alice")
                .put("createdAt", "2026-11-20T10:00:00Z").put("sizeAsked", query.contains("size=1")));
        return StubOwner.Answer.json(200, page(items));
    }

    private static JsonObject page(JsonArray items) {
        return new JsonObject().put("items", items).put("page", 0).put("size", 20)
                .put("totalItems", items.size()).put("totalPages", items.isEmpty() ? 0 : 1);
    }
}

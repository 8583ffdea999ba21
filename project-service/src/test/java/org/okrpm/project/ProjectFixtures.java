package org.okrpm.project;

import static org.okrpm.kit.testing.TestTokens.asMember;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.okrpm.project.keyresult.KeyResultReplica;

/** Creates the things tests need: through the public API as a member would, key results in the replica. */
public final class ProjectFixtures {

    private ProjectFixtures() {
    }

    /** The smallest valid project body: a name, nothing else. */
    public static Map<String, Object> projectBody() {
        return new HashMap<>(Map.of("name", "Project " + UUID.randomUUID()));
    }

    public static String project() {
        return project(projectBody());
    }

    public static String project(Map<String, Object> body) {
        return asMember().body(body).post("/api/v1/projects").then().statusCode(201).extract().path("id");
    }

    /** A project with a 10000 EUR budget. */
    public static String projectWithBudget() {
        Map<String, Object> body = projectBody();
        body.put("budget", Map.of("amount", 10000, "currency", "EUR"));
        return project(body);
    }

    /** Moves a project through the stages up to {@code stage} (CANCELLED: straight from INITIATION). */
    public static String moveTo(String projectId, String stage) {
        if (stage.equals("CANCELLED")) {
            changeStage(projectId, "CANCELLED");
            return projectId;
        }
        for (String next : new String[] {"PLANNING", "EXECUTION", "CLOSED"}) {
            if (stage.equals("INITIATION")) {
                break;
            }
            changeStage(projectId, next);
            if (next.equals(stage)) {
                break;
            }
        }
        return projectId;
    }

    public static void changeStage(String projectId, String stage) {
        asMember().body(Map.of("stage", stage)).post("/api/v1/projects/" + projectId + "/stage")
                .then().statusCode(200);
    }

    public static String task(String projectId) {
        return task(projectId, Map.of());
    }

    public static String task(String projectId, Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>(Map.of("title", "Task " + UUID.randomUUID()));
        body.putAll(fields);
        return asMember().body(body).post("/api/v1/projects/" + projectId + "/tasks")
                .then().statusCode(201).extract().path("id");
    }

    public static void setStatus(String taskId, String status) {
        asMember().body(Map.of("status", status)).patch("/api/v1/tasks/" + taskId).then().statusCode(200);
    }

    /** A key result that project-service knows of, written straight into its replica (as an okr.key-results event would). */
    public static String keyResult() {
        return keyResultOfCycle(UUID.randomUUID());
    }

    /** A replicated key result of the given cycle. */
    public static String keyResultOfCycle(UUID cycleId) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            KeyResultReplica replica = new KeyResultReplica();
            replica.id = id;
            replica.objectiveId = UUID.randomUUID();
            replica.cycleId = cycleId;
            replica.progressSource = "TASKS";
            replica.version = 0;
            replica.deleted = false;
            replica.updatedAt = Instant.now();
            replica.persist();
        });
        return id.toString();
    }

    /** A key result the replica holds only as a tombstone: deleted in okr-service. */
    public static String deletedKeyResult() {
        return deleteKeyResult(keyResult());
    }

    /** Turns a replicated key result into a tombstone, as a key-result.deleted event does. */
    public static String deleteKeyResult(String id) {
        QuarkusTransaction.requiringNew().run(() -> {
            KeyResultReplica replica = KeyResultReplica.findById(UUID.fromString(id));
            replica.deleted = true;
            replica.version = 1;
        });
        return id;
    }
}

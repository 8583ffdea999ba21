package org.okrpm.e2e.fuzz;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The real resources the fuzz pass aims at, created through the gateway before it starts: a cycle in EXECUTION
 * with an objective and a key result, a project with a task and a cost, a webhook, an integration, a check-in, a
 * review, and a retrospective of a second cycle. Path ids and the ids in baseline bodies name them, so that a
 * mutation is judged by the rules behind the id check, and a rejected write has something to leave unchanged.
 */
public final class Fixtures {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration EVENTUAL = Duration.ofSeconds(30);

    private final FuzzHttp http;
    private final String token;
    private final String tag;
    /** Ids by the path segment of their collection ({@code cycles}, {@code key-results}, …). */
    private final Map<String, String> byCollection = new LinkedHashMap<>();
    private final List<String> missing = new ArrayList<>();

    private Fixtures(FuzzHttp http, String adminToken, long seed) {
        this.http = http;
        this.token = adminToken;
        this.tag = "fuzz-" + seed;
    }

    public static Fixtures create(FuzzHttp http, String adminToken, long seed) {
        Fixtures fixtures = new Fixtures(http, adminToken, seed);
        fixtures.createAll();
        return fixtures;
    }

    /** The fixture of a collection, or null when the fuzz pass made none (a collection added since). */
    public String idOf(String collection) {
        return byCollection.get(collection);
    }

    /**
     * The id a body member named {@code field} should carry: {@code cycleId} names a cycle, {@code keyResultIds}
     * key results, {@code parentId} an objective; null when the name tells nothing.
     */
    public String idForField(String field) {
        String name = field.replaceAll("\\[\\d+]$", "");
        return switch (name) {
            case "parentId", "objectiveIds" -> idOf("objectives");
            case "defaultKeyResultId", "keyResultIds" -> idOf("key-results");
            case "id" -> null;
            default -> name.endsWith("Id") ? idOf(kebabPlural(name.substring(0, name.length() - 2))) : null;
        };
    }

    public Map<String, String> all() {
        return Map.copyOf(byCollection);
    }

    private void createAll() {
        String cycle = created("/api/v1/cycles", Map.of("name", tag + "-execution", "startDate", "2026-10-01",
                "endDate", "2026-12-31"));
        byCollection.put("cycles", cycle);
        String objective = created("/api/v1/objectives", Map.of("cycleId", cycle, "title", tag + " objective",
                "level", "COMPANY"));
        byCollection.put("objectives", objective);
        String keyResult = created("/api/v1/objectives/" + objective + "/key-results", Map.of("title",
                tag + " key result", "metricType", "NUMBER", "startValue", 0, "targetValue", 10));
        byCollection.put("key-results", keyResult);
        ok("/api/v1/cycles/" + cycle + "/phase", Map.of("phase", "EXECUTION"));

        String project = created("/api/v1/projects", Map.of("name", tag + " project", "startDate", "2026-10-01",
                "dueDate", "2026-12-15", "budget", Map.of("amount", 10000, "currency", "EUR")));
        byCollection.put("projects", project);
        byCollection.put("tasks", created("/api/v1/projects/" + project + "/tasks", Map.of("title", tag + " task")));
        optional("costs", () -> created("/api/v1/projects/" + project + "/costs", Map.of("amount", 100,
                "incurredOn", "2026-11-01")));
        optional("integrations", () -> created("/api/v1/integrations", Map.of("source", "generic",
                "projectId", project, "secret", "fuzz-secret-0123456789")));
        // a loopback address nothing listens on: deliveries fail at once and stay inside the machine
        optional("webhooks", () -> created("/api/v1/webhooks", Map.of("url", "http://127.0.0.1:9/" + tag,
                "events", List.of("key-result.progress-changed"), "secret", "fuzz-secret-0123456789")));
        optional("reviews", () -> created("/api/v1/reviews", Map.of("type", "TEAM_REVIEW", "teamId", tag,
                "participants", List.of("fuzz-admin"), "objectiveIds", List.of(objective), "heldOn", "2026-11-20")));
        // checkin-service learns of the key result and the cycle's phase from events
        optional("check-ins", () -> eventually("/api/v1/check-ins", Map.of("keyResultId", keyResult,
                "value", 5, "confidence", 0.5)));
        optional("retrospectives", () -> {
            String closing = created("/api/v1/cycles", Map.of("name", tag + "-retrospective", "startDate",
                    "2026-07-01", "endDate", "2026-09-30"));
            String reviewed = created("/api/v1/objectives", Map.of("cycleId", closing, "title",
                    tag + " reviewed objective", "level", "TEAM"));
            ok("/api/v1/cycles/" + closing + "/phase", Map.of("phase", "EXECUTION"));
            ok("/api/v1/cycles/" + closing + "/phase", Map.of("phase", "RETROSPECTIVE"));
            return eventually("/api/v1/retrospectives", Map.of("cycleId", closing, "objectiveId", reviewed,
                    "wentWell", "fixtures"));
        });
    }

    /**
     * A fixture the pass can do without (its operations then aim at the collection's first item, or an unknown
     * id): the rules for creating it may change while the pass stays useful. Why it is missing is reported.
     */
    private void optional(String collection, Supplier<String> create) {
        try {
            byCollection.put(collection, create.get());
        } catch (RuntimeException | AssertionError e) {
            missing.add(collection + ": " + Findings.excerpt(String.valueOf(e.getMessage())));
        }
    }

    /** The fixtures that could not be created, each with why. */
    public List<String> missing() {
        return List.copyOf(missing);
    }

    private String created(String path, Map<String, Object> body) {
        FuzzHttp.Answer answer = http.postJson(path, token, json(body));
        if (answer.status() != 201) {
            throw new IllegalStateException("Fixture " + path + " " + body + " answered " + answer.status() + ": "
                    + answer.body());
        }
        return read(answer.body()).path("id").asText();
    }

    private void ok(String path, Map<String, Object> body) {
        FuzzHttp.Answer answer = http.postJson(path, token, json(body));
        if (answer.status() != 200) {
            throw new IllegalStateException("Fixture " + path + " " + body + " answered " + answer.status() + ": "
                    + answer.body());
        }
    }

    private String eventually(String path, Map<String, Object> body) {
        AtomicReference<String> id = new AtomicReference<>();
        await().atMost(EVENTUAL).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .untilAsserted(() -> id.set(created(path, body)));
        return id.get();
    }

    static String kebabPlural(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase() + "s";
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

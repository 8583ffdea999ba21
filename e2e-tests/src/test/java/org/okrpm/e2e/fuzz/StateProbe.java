package org.okrpm.e2e.fuzz;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;

/**
 * What a write could change, read before and after it: every documented GET whose path is a prefix of the
 * write's path (the resource itself and its list: {@code PATCH /tasks/{id}} reads {@code /tasks/{id}}, {@code POST
 * /projects/{id}/tasks} reads {@code /projects/{id}} and {@code /projects/{id}/tasks}), and each fixture whose id
 * the body names ({@code POST /check-ins} reads the key result). A read whose answer changes by itself
 * ({@code asOf} of a health report) is left out.
 */
final class StateProbe {

    private final FuzzHttp http;
    private final List<String> tokens;
    private int reads;
    private final List<ApiOperation> getters;
    private final Fixtures fixtures;
    private final Map<String, Boolean> stable = new LinkedHashMap<>();

    /** {@code adminTokens} are used in turn, as the fuzzed requests use theirs. */
    StateProbe(FuzzHttp http, List<String> adminTokens, List<ApiOperation> operations, Fixtures fixtures) {
        this.http = http;
        this.tokens = adminTokens;
        this.getters = operations.stream().filter(op -> op.method().equals("GET")).toList();
        this.fixtures = fixtures;
    }

    /** The paths (with the write's own ids) to compare before and after {@code write} on {@code path}. */
    List<String> targets(ApiOperation write, String path, String baselineBody) {
        Set<String> targets = new LinkedHashSet<>();
        String[] writeTemplate = write.template().split("/");
        String[] concrete = path.split("/");
        for (ApiOperation read : getters) {
            String[] readTemplate = read.template().split("/");
            if (readTemplate.length <= writeTemplate.length && concrete.length == writeTemplate.length
                    && prefix(readTemplate, writeTemplate)) {
                targets.add(String.join("/", List.of(concrete).subList(0, readTemplate.length)));
            }
        }
        if (baselineBody != null) {
            fixtures.all().forEach((collection, id) -> {
                String item = "/api/v1/" + collection + "/" + id;
                if (baselineBody.contains(id) && getters.stream().anyMatch(read ->
                        read.template().matches("/api/v1/" + collection + "/\\{[^}]+}"))) {
                    targets.add(item);
                }
            });
        }
        List<String> kept = new ArrayList<>();
        for (String target : targets) {
            if (stable.computeIfAbsent(target, this::answersAlike)) {
                kept.add(target);
            }
        }
        return kept;
    }

    /** Each target's answer (status and body). */
    Map<String, String> read(List<String> targets) {
        Map<String, String> state = new LinkedHashMap<>();
        for (String target : targets) {
            FuzzHttp.Answer answer = get(target);
            state.put(target, answer.status() + " " + answer.body());
        }
        return state;
    }

    /** The state once it stopped changing (events of earlier accepted writes applied), or null after 15 s. */
    Map<String, String> settled(List<String> targets) {
        AtomicReference<Map<String, String>> last = new AtomicReference<>(read(targets));
        try {
            return await().atMost(Duration.ofSeconds(15)).pollDelay(Duration.ofMillis(300))
                    .pollInterval(Duration.ofMillis(300)).until(() -> {
                        Map<String, String> now = read(targets);
                        return Objects.equals(now, last.getAndSet(now)) ? now : null;
                    }, Objects::nonNull);
        } catch (ConditionTimeoutException e) {
            return null;
        }
    }

    /** The targets whose answers differ between two states, each with both answers cut short. */
    static List<String> differences(Map<String, String> before, Map<String, String> after) {
        List<String> differences = new ArrayList<>();
        Set<String> all = new HashSet<>(before.keySet());
        all.addAll(after.keySet());
        for (String target : all) {
            if (!Objects.equals(before.get(target), after.get(target))) {
                differences.add("GET " + target + " was " + Findings.excerpt(before.get(target)) + ", now "
                        + Findings.excerpt(after.get(target)));
            }
        }
        return differences;
    }

    private FuzzHttp.Answer get(String target) {
        return http.get(target, tokens.get(reads++ % tokens.size()));
    }

    private boolean answersAlike(String target) {
        FuzzHttp.Answer first = get(target);
        if (first.isStream() || first.status() != 200) {
            return false;
        }
        return first.body().equals(get(target).body());
    }

    private static boolean prefix(String[] read, String[] write) {
        for (int i = 0; i < read.length; i++) {
            boolean readParam = read[i].startsWith("{");
            boolean writeParam = write[i].startsWith("{");
            if (readParam != writeParam || (!readParam && !read[i].equals(write[i]))) {
                return false;
            }
        }
        return true;
    }
}

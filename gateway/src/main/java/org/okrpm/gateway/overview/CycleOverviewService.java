package org.okrpm.gateway.overview;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.okrpm.gateway.overview.OwnerReads.Asker;
import org.okrpm.gateway.routing.Owner;

/**
 * Assembles the cycle overview from one list per owner, not one call per key result: the cycle and its
 * objectives with their key results (okr-service), then in parallel the projects linked to the cycle's key
 * results (project-service, each with its health) and the newest check-in of each of them (checkin-service).
 * Without okr-service there is nothing to show; a part another owner would give is marked unavailable instead.
 */
@ApplicationScoped
public class CycleOverviewService {

    @Inject
    OwnerReads owners;

    /** What one owner gave for the whole cycle, or why it gave nothing ({@code reason} not null). */
    private record Part<T>(T value, String reason) {

        boolean available() {
            return reason == null;
        }
    }

    public Uni<Response> overview(String cycleId, String teamId, RoutingContext ctx) {
        Asker asker = Asker.of(ctx);
        String cycle = OwnerReads.encode(cycleId);
        String team = teamId == null || teamId.isBlank() ? null : teamId.trim();
        String objectivesUri = "/api/v1/objectives?cycleId=" + cycle
                + (team == null ? "" : "&teamId=" + OwnerReads.encode(team));
        Future<Response> answer = owners.getObject(Owner.OKR, "/api/v1/cycles/" + cycle, asker)
                .compose(found -> owners.allItems(Owner.OKR, objectivesUri, asker)
                        .compose(objectives -> compose(found, team, objectives, asker)))
                .recover(failure -> Future.succeededFuture(OwnerReads.failure(Owner.OKR, failure, asker.instance())));
        return Uni.createFrom().completionStage(answer.toCompletionStage());
    }

    private Future<Response> compose(JsonObject cycle, String teamId, List<JsonObject> objectives, Asker asker) {
        String cycleId = OwnerReads.encode(cycle.getString("id", ""));
        boolean anyKeyResult = objectives.stream()
                .anyMatch(objective -> !objective.getJsonArray("keyResults", new JsonArray()).isEmpty());
        Future<Part<Map<String, JsonArray>>> projects = anyKeyResult
                ? part(Owner.PROJECT, "/api/v1/projects?cycleId=" + cycleId, asker, CycleOverviewService::byKeyResult)
                : Future.succeededFuture(new Part<>(Map.of(), null));
        Future<Part<Map<String, JsonObject>>> checkIns = anyKeyResult
                ? part(Owner.CHECKIN, "/api/v1/check-ins?cycleId=" + cycleId + "&latest=true", asker,
                        CycleOverviewService::newestByKeyResult)
                : Future.succeededFuture(new Part<>(Map.of(), null));
        return Future.all(projects, checkIns).map(done -> {
            Set<String> unavailable = new TreeSet<>();
            if (!projects.result().available()) {
                unavailable.add(Owner.PROJECT.serviceName());
            }
            if (!checkIns.result().available()) {
                unavailable.add(Owner.CHECKIN.serviceName());
            }
            JsonArray entries = new JsonArray();
            objectives.forEach(objective -> entries.add(entry(objective, projects.result(), checkIns.result())));
            JsonObject body = new JsonObject()
                    .put("cycle", cycle)
                    .put("teamId", teamId)
                    .put("objectives", entries)
                    .put("unavailable", new JsonArray(new ArrayList<>(unavailable)));
            return Response.ok(body.encode(), MediaType.APPLICATION_JSON).build();
        });
    }

    /** An objective with, for each key result, the same parts as the objective overview gives. */
    private static JsonObject entry(JsonObject objective, Part<Map<String, JsonArray>> projects,
                                    Part<Map<String, JsonObject>> checkIns) {
        JsonArray keyResults = objective.getJsonArray("keyResults", new JsonArray());
        JsonObject objectiveOnly = objective.copy();
        objectiveOnly.remove("keyResults");
        JsonArray entries = new JsonArray();
        for (int i = 0; i < keyResults.size(); i++) {
            JsonObject keyResult = keyResults.getJsonObject(i);
            String id = keyResult.getString("id", "");
            JsonObject linked = projects.available()
                    ? new JsonObject().put("available", true)
                            .put("items", projects.value().getOrDefault(id, new JsonArray()))
                    : unavailable(projects.reason());
            JsonObject latest = checkIns.available()
                    ? new JsonObject().put("available", true).put("checkIn", checkIns.value().get(id))
                    : unavailable(checkIns.reason());
            entries.add(new JsonObject().put("keyResult", keyResult).put("projects", linked)
                    .put("latestCheckIn", latest));
        }
        return new JsonObject().put("objective", objectiveOnly).put("keyResults", entries);
    }

    /** One owner's list for the cycle: never fails; an owner that cannot answer yields the reason instead. */
    private <T> Future<Part<T>> part(Owner owner, String uri, Asker asker, Function<List<JsonObject>, T> read) {
        return owners.allItems(owner, uri, asker)
                .map(items -> new Part<>(read.apply(items), null))
                .recover(failure -> Future.succeededFuture(new Part<>(null, OwnerReads.reason(owner, failure))));
    }

    /** Each project under every key result it is linked to, in the owner's order. */
    private static Map<String, JsonArray> byKeyResult(List<JsonObject> projects) {
        Map<String, JsonArray> linked = new HashMap<>();
        for (JsonObject project : projects) {
            JsonArray keyResultIds = project.getJsonArray("keyResultIds", new JsonArray());
            for (int i = 0; i < keyResultIds.size(); i++) {
                linked.computeIfAbsent(keyResultIds.getString(i), id -> new JsonArray()).add(project);
            }
        }
        return linked;
    }

    /** The check-ins come newest first: the first one of a key result is its latest. */
    private static Map<String, JsonObject> newestByKeyResult(List<JsonObject> checkIns) {
        Map<String, JsonObject> newest = new HashMap<>();
        checkIns.forEach(checkIn -> newest.putIfAbsent(checkIn.getString("keyResultId", ""), checkIn));
        return newest;
    }

    private static JsonObject unavailable(String reason) {
        return new JsonObject().put("available", false).put("reason", reason);
    }
}

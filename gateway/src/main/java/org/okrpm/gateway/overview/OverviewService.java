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
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.okrpm.gateway.overview.OwnerReads.Asker;
import org.okrpm.gateway.routing.Owner;

/**
 * Assembles the overview: the objective first (okr-service), then for every key result its linked projects
 * (project-service) and its latest check-in (checkin-service), all of those in parallel. A part whose owner
 * fails is marked unavailable instead of failing the whole answer.
 */
@ApplicationScoped
public class OverviewService {

    @Inject
    OwnerReads owners;

    public Uni<Response> overview(String objectiveId, RoutingContext ctx) {
        Asker asker = Asker.of(ctx);
        Future<Response> answer = owners.getObject(Owner.OKR, "/api/v1/objectives/" + OwnerReads.encode(objectiveId),
                        asker)
                .compose(objective -> compose(objective, asker))
                .recover(failure -> Future.succeededFuture(OwnerReads.failure(Owner.OKR, failure, asker.instance())));
        return Uni.createFrom().completionStage(answer.toCompletionStage());
    }

    private Future<Response> compose(JsonObject objective, Asker asker) {
        JsonArray keyResults = objective.getJsonArray("keyResults", new JsonArray());
        JsonObject objectiveOnly = objective.copy();
        objectiveOnly.remove("keyResults");
        Set<String> unavailable = new TreeSet<>();
        List<Future<JsonObject>> parts = new ArrayList<>();
        for (int i = 0; i < keyResults.size(); i++) {
            JsonObject keyResult = keyResults.getJsonObject(i);
            String keyResultId = OwnerReads.encode(keyResult.getString("id", ""));
            Future<JsonObject> projects = part(Owner.PROJECT,
                    "/api/v1/projects?keyResultId=" + keyResultId + "&size=" + OwnerReads.PAGE_SIZE, asker,
                    unavailable, page -> new JsonObject().put("available", true)
                            .put("items", page.getJsonArray("items", new JsonArray())));
            Future<JsonObject> checkIn = part(Owner.CHECKIN,
                    "/api/v1/check-ins?keyResultId=" + keyResultId + "&size=1", asker,
                    unavailable, page -> {
                        JsonArray items = page.getJsonArray("items", new JsonArray());
                        return new JsonObject().put("available", true)
                                .put("checkIn", items.isEmpty() ? null : items.getJsonObject(0));
                    });
            parts.add(Future.all(projects, checkIn).map(both -> new JsonObject()
                    .put("keyResult", keyResult)
                    .put("projects", both.<JsonObject>resultAt(0))
                    .put("latestCheckIn", both.<JsonObject>resultAt(1))));
        }
        return Future.all(parts).map(all -> {
            JsonArray entries = new JsonArray();
            parts.forEach(part -> entries.add(part.result()));
            JsonObject body = new JsonObject()
                    .put("objective", objectiveOnly)
                    .put("keyResults", entries)
                    .put("unavailable", new JsonArray(new ArrayList<>(unavailable)));
            return Response.ok(body.encode(), MediaType.APPLICATION_JSON).build();
        });
    }

    /** One owner's part: never fails; an owner that cannot answer yields {"available": false, "reason"}. */
    private Future<JsonObject> part(Owner owner, String uri, Asker asker, Set<String> unavailable,
                                    Function<JsonObject, JsonObject> read) {
        return owners.getObject(owner, uri, asker).map(read).recover(failure -> {
            synchronized (unavailable) {
                unavailable.add(owner.serviceName());
            }
            return Future.succeededFuture(new JsonObject().put("available", false)
                    .put("reason", OwnerReads.reason(owner, failure)));
        });
    }
}

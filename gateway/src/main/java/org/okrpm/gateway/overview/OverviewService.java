package org.okrpm.gateway.overview;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.HttpResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.okrpm.gateway.GatewayConfig;
import org.okrpm.gateway.routing.Owner;
import org.okrpm.gateway.routing.OwnerFailure;
import org.okrpm.gateway.routing.Upstreams;
import org.okrpm.kit.http.RequestEdgeHandlers;
import org.okrpm.kit.problem.Problem;

/**
 * Assembles the overview: the objective first (okr-service), then for every key result its linked projects
 * (project-service) and its latest check-in (checkin-service), all of those in parallel. A part whose owner
 * fails is marked unavailable instead of failing the whole answer.
 */
@ApplicationScoped
public class OverviewService {

    /** Linked projects per key result; a key result with more than this many is unusual. */
    private static final int MAX_PROJECTS = 200;

    @Inject
    Upstreams upstreams;

    @Inject
    GatewayConfig config;

    public Uni<Response> overview(String objectiveId, RoutingContext ctx) {
        String authorization = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        String requestId = RequestEdgeHandlers.requestId(ctx);
        String instance = ctx.request().path();
        Future<Response> answer = get(Owner.OKR, "/api/v1/objectives/" + encode(objectiveId), authorization, requestId)
                .transform(result -> {
                    if (result.failed()) {
                        OwnerFailure failure = OwnerFailure.of(Owner.OKR, result.cause());
                        return Future.succeededFuture(Response.status(failure.type().status())
                                .type(Problem.MEDIA_TYPE).entity(failure.body(instance)).build());
                    }
                    HttpResponse<Buffer> objective = result.result();
                    if (objective.statusCode() != 200) {
                        return Future.succeededFuture(passOn(objective));
                    }
                    return compose(objective.bodyAsJsonObject(), authorization, requestId);
                });
        return Uni.createFrom().completionStage(answer.toCompletionStage());
    }

    private Future<Response> compose(JsonObject objective, String authorization, String requestId) {
        JsonArray keyResults = objective.getJsonArray("keyResults", new JsonArray());
        JsonObject objectiveOnly = objective.copy();
        objectiveOnly.remove("keyResults");
        Set<String> unavailable = new TreeSet<>();
        List<Future<JsonObject>> parts = new ArrayList<>();
        for (int i = 0; i < keyResults.size(); i++) {
            JsonObject keyResult = keyResults.getJsonObject(i);
            String keyResultId = encode(keyResult.getString("id", ""));
            Future<JsonObject> projects = part(Owner.PROJECT,
                    "/api/v1/projects?keyResultId=" + keyResultId + "&size=" + MAX_PROJECTS, authorization, requestId,
                    unavailable, page -> new JsonObject().put("available", true)
                            .put("items", page.getJsonArray("items", new JsonArray())));
            Future<JsonObject> checkIn = part(Owner.CHECKIN,
                    "/api/v1/check-ins?keyResultId=" + keyResultId + "&size=1", authorization, requestId,
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
    private Future<JsonObject> part(Owner owner, String uri, String authorization, String requestId,
                                    Set<String> unavailable, Function<JsonObject, JsonObject> read) {
        return get(owner, uri, authorization, requestId).transform(result -> {
            String reason;
            if (result.succeeded() && result.result().statusCode() == 200) {
                try {
                    return Future.succeededFuture(read.apply(result.result().bodyAsJsonObject()));
                } catch (RuntimeException e) {
                    reason = owner.serviceName() + " sent an unreadable answer";
                }
            } else if (result.succeeded()) {
                reason = owner.serviceName() + " answered " + result.result().statusCode();
            } else {
                reason = OwnerFailure.of(owner, result.cause()).detail();
            }
            synchronized (unavailable) {
                unavailable.add(owner.serviceName());
            }
            return Future.succeededFuture(new JsonObject().put("available", false).put("reason", reason));
        });
    }

    /** A GET at one of the owner's replicas (another one, once, if the connection failed). */
    private Future<HttpResponse<Buffer>> get(Owner owner, String uri, String authorization, String requestId) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON)
                .add(RequestEdgeHandlers.REQUEST_ID, requestId);
        if (authorization != null) {
            headers.add(HttpHeaders.AUTHORIZATION, authorization);
        }
        return upstreams.of(owner).get(uri, headers, config.timeout().toMillis());
    }

    private static Response passOn(HttpResponse<Buffer> response) {
        Response.ResponseBuilder builder = Response.status(response.statusCode());
        String type = response.getHeader(HttpHeaders.CONTENT_TYPE.toString());
        if (type != null) {
            builder.header(HttpHeaders.CONTENT_TYPE.toString(), type);
        }
        String authenticate = response.getHeader("WWW-Authenticate");
        if (authenticate != null) {
            builder.header("WWW-Authenticate", authenticate);
        }
        return builder.entity(response.body() == null ? "" : response.body().toString()).build();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

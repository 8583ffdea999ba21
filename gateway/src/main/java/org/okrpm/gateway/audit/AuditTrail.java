package org.okrpm.gateway.audit;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.okrpm.gateway.GatewayConfig;
import org.okrpm.gateway.routing.Owner;
import org.okrpm.gateway.routing.Upstreams;
import org.okrpm.kit.http.ProblemJson;
import org.okrpm.kit.http.RequestEdgeHandlers;
import org.okrpm.kit.problem.Problem;
import org.okrpm.kit.problem.ProblemType;

/**
 * One audit trail out of three: asks every owner's admin list ({@code /api/v1/admin/audit}) for its newest
 * {@code (page + 1) * size} entries, in parallel and with the caller's token, merges them newest first and cuts
 * out the page. An owner that cannot answer is left out and named in {@code unavailable}, as in the overview;
 * only when none answers is it a 503.
 */
@ApplicationScoped
public class AuditTrail {

    /** Newest first; entries of the same instant in a fixed order, so pages do not overlap. */
    private static final Comparator<Entry> NEWEST_FIRST = Comparator.comparing(Entry::at).reversed()
            .thenComparing(Entry::service).thenComparing(Comparator.comparingLong(Entry::id).reversed());

    @Inject
    Upstreams upstreams;

    @Inject
    GatewayConfig config;

    private record Entry(Instant at, String service, long id, JsonObject json) {
    }

    /** One owner's newest entries and its total, or {@code available == false}. */
    private record Part(Owner owner, boolean available, List<Entry> entries, long total) {

        static Part missing(Owner owner) {
            return new Part(owner, false, List.of(), 0);
        }
    }

    public Uni<Response> list(AuditQuery query, RoutingContext ctx) {
        String authorization = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        String requestId = RequestEdgeHandlers.requestId(ctx);
        List<Future<Part>> parts = query.owners().stream()
                .map(owner -> part(owner, query, authorization, requestId)).toList();
        Future<Response> answer = Future.all(parts).map(all -> {
            List<Part> answered = parts.stream().map(Future::result).toList();
            return merge(query, answered, ctx.request().path());
        });
        return Uni.createFrom().completionStage(answer.toCompletionStage());
    }

    private static Response merge(AuditQuery query, List<Part> parts, String instance) {
        List<String> unavailable = parts.stream().filter(part -> !part.available())
                .map(part -> part.owner().serviceName()).toList();
        if (unavailable.size() == parts.size()) {
            return Response.status(503).type(Problem.MEDIA_TYPE).entity(ProblemJson.render(
                    ProblemType.SERVICE_UNAVAILABLE, "No audit trail could be read: " + String.join(", ", unavailable)
                            + " did not answer; try again shortly", instance)).build();
        }
        List<Entry> merged = new ArrayList<>();
        parts.forEach(part -> merged.addAll(part.entries()));
        merged.sort(NEWEST_FIRST);
        long total = parts.stream().mapToLong(Part::total).sum();
        int from = Math.min(query.page() * query.size(), merged.size());
        int to = Math.min(from + query.size(), merged.size());
        JsonArray items = new JsonArray();
        merged.subList(from, to).forEach(entry -> items.add(entry.json()));
        JsonObject body = new JsonObject().put("items", items).put("page", query.page()).put("size", query.size())
                .put("totalItems", total).put("totalPages", (total + query.size() - 1) / query.size())
                .put("unavailable", new JsonArray(unavailable));
        return Response.ok(body.encode(), MediaType.APPLICATION_JSON).build();
    }

    /** Never fails: an owner that is down, slow, refuses or answers nonsense yields {@link Part#missing}. */
    private Future<Part> part(Owner owner, AuditQuery query, String authorization, String requestId) {
        List<Future<HttpResponse<Buffer>>> pages = IntStream.range(0, query.ownerPages())
                .mapToObj(page -> get(owner, query.ownerUri(page), authorization, requestId)).toList();
        return Future.all(pages).transform(result -> {
            if (result.failed()) {
                return Future.succeededFuture(Part.missing(owner));
            }
            try {
                List<Entry> entries = new ArrayList<>();
                long total = 0;
                for (Future<HttpResponse<Buffer>> page : pages) {
                    HttpResponse<Buffer> response = page.result();
                    if (response.statusCode() != 200) {
                        return Future.succeededFuture(Part.missing(owner));
                    }
                    JsonObject body = response.bodyAsJsonObject();
                    total = body.getLong("totalItems");
                    for (Object item : body.getJsonArray("items")) {
                        JsonObject json = ((JsonObject) item).copy().put("service", owner.serviceName());
                        entries.add(new Entry(Instant.parse(json.getString("occurredAt")), owner.serviceName(),
                                json.getLong("id"), json));
                    }
                }
                return Future.succeededFuture(new Part(owner, true, entries, total));
            } catch (RuntimeException unreadable) {
                return Future.succeededFuture(Part.missing(owner));
            }
        });
    }

    private Future<HttpResponse<Buffer>> get(Owner owner, String uri, String authorization, String requestId) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON)
                .add(RequestEdgeHandlers.REQUEST_ID, requestId);
        if (authorization != null) {
            headers.add(HttpHeaders.AUTHORIZATION, authorization);
        }
        return upstreams.of(owner).get(uri, headers, config.timeout().toMillis());
    }
}

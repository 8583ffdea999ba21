package org.okrpm.gateway.overview;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.DecodeException;
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
import org.okrpm.gateway.GatewayConfig;
import org.okrpm.gateway.routing.Owner;
import org.okrpm.gateway.routing.OwnerFailure;
import org.okrpm.gateway.routing.Upstreams;
import org.okrpm.kit.http.RequestEdgeHandlers;
import org.okrpm.kit.problem.Problem;

/**
 * The overviews' reads from the owner services: GETs with the caller's credentials and request id, whole lists
 * read page by page, and failures told the way the proxy tells them.
 */
@ApplicationScoped
class OwnerReads {

    /** The largest page an owner gives (docs/api.md): lists are read in as few calls as possible. */
    static final int PAGE_SIZE = 200;

    @Inject
    Upstreams upstreams;

    @Inject
    GatewayConfig config;

    /** Who asks, passed on with every read, and the path the caller asked for (the problems' instance). */
    record Asker(String authorization, String requestId, String instance) {

        static Asker of(RoutingContext ctx) {
            return new Asker(ctx.request().getHeader(HttpHeaders.AUTHORIZATION), RequestEdgeHandlers.requestId(ctx),
                    ctx.request().path());
        }
    }

    /** An owner answered, but not 200: its answer decides the whole response or marks a part unavailable. */
    static final class OwnerAnswer extends RuntimeException {

        private final transient HttpResponse<Buffer> response;

        OwnerAnswer(HttpResponse<Buffer> response) {
            super("answered " + response.statusCode(), null, false, false);
            this.response = response;
        }

        HttpResponse<Buffer> response() {
            return response;
        }
    }

    /** A GET at one of the owner's replicas (another one, once, if the connection failed). */
    Future<HttpResponse<Buffer>> get(Owner owner, String uri, Asker asker) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON)
                .add(RequestEdgeHandlers.REQUEST_ID, asker.requestId());
        if (asker.authorization() != null) {
            headers.add(HttpHeaders.AUTHORIZATION, asker.authorization());
        }
        return upstreams.of(owner).get(uri, headers, config.timeout().toMillis());
    }

    /** The JSON object an owner answers with 200; any other answer fails with {@link OwnerAnswer}. */
    Future<JsonObject> getObject(Owner owner, String uri, Asker asker) {
        return get(owner, uri, asker).compose(response -> response.statusCode() == 200
                ? Future.succeededFuture(response.bodyAsJsonObject())
                : Future.failedFuture(new OwnerAnswer(response)));
    }

    /**
     * Every item of an owner's list ({@code uri} with its filters, without paging): the first page says how many
     * pages there are, the others are read in parallel; the items keep the owner's order.
     */
    Future<List<JsonObject>> allItems(Owner owner, String uri, Asker asker) {
        String separator = uri.contains("?") ? "&" : "?";
        return getObject(owner, uri + separator + "page=0&size=" + PAGE_SIZE, asker).compose(first -> {
            int pages = first.getInteger("totalPages", 1);
            List<Future<JsonObject>> rest = new ArrayList<>();
            for (int page = 1; page < pages; page++) {
                rest.add(getObject(owner, uri + separator + "page=" + page + "&size=" + PAGE_SIZE, asker));
            }
            return Future.all(rest).map(done -> {
                List<JsonObject> items = new ArrayList<>();
                addItems(items, first);
                rest.forEach(page -> addItems(items, page.result()));
                return items;
            });
        });
    }

    /** The caller's answer when an owner the whole response depends on failed: its own answer, or a problem. */
    static Response failure(Owner owner, Throwable failure, String instance) {
        if (failure instanceof OwnerAnswer answer) {
            return passOn(answer.response());
        }
        OwnerFailure told = OwnerFailure.of(owner, failure);
        return Response.status(told.type().status()).type(Problem.MEDIA_TYPE).entity(told.body(instance)).build();
    }

    /** Why a part an owner would give is missing: {@code {"available": false, "reason": ...}}. */
    static String reason(Owner owner, Throwable failure) {
        if (failure instanceof OwnerAnswer answer) {
            return owner.serviceName() + " answered " + answer.response().statusCode();
        }
        if (failure instanceof DecodeException || failure instanceof ClassCastException) {
            return owner.serviceName() + " sent an unreadable answer";
        }
        return OwnerFailure.of(owner, failure).detail();
    }

    /** The owner's answer as it is: status, content type, body (and its challenge on a 401). */
    static Response passOn(HttpResponse<Buffer> response) {
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

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void addItems(List<JsonObject> items, JsonObject page) {
        JsonArray array = page.getJsonArray("items", new JsonArray());
        for (int i = 0; i < array.size(); i++) {
            items.add(array.getJsonObject(i));
        }
    }
}

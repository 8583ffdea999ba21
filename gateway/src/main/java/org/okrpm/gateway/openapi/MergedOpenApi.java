package org.okrpm.gateway.openapi;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.smallrye.openapi.runtime.OpenApiConstants;
import io.quarkus.smallrye.openapi.runtime.OpenApiDocumentService;
import io.smallrye.openapi.runtime.io.Format;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.okrpm.gateway.routing.Owner;
import org.okrpm.gateway.routing.Upstreams;

/**
 * {@code GET /q/openapi}: the gateway's own document merged with the owners' documents, which are fetched from
 * one replica of each owner ({@code /q/openapi?format=json}) at start and then every
 * {@code okrpm.gateway.openapi.refresh}. An owner that cannot be reached keeps its last fetched document, or is
 * left out until it can be. Served as JSON
 * (also what Swagger UI at {@code /q/swagger-ui} reads).
 */
@ApplicationScoped
public class MergedOpenApi {

    private static final Logger LOG = Logger.getLogger(MergedOpenApi.class);
    private static final long FETCH_TIMEOUT_MS = 5_000;

    @Inject
    Upstreams upstreams;

    @Inject
    OpenApiDocumentService documents;

    private final Map<Owner, JsonObject> fetched = new EnumMap<>(Owner.class);
    private volatile String merged;

    void register(@Observes Router router) {
        // before the Quarkus OpenAPI handler, which keeps serving the gateway's own part
        router.get("/q/openapi").order(Integer.MIN_VALUE + 100).handler(this::serve);
    }

    void onStart(@Observes StartupEvent event) {
        refresh();
    }

    @Scheduled(every = "${okrpm.gateway.openapi.refresh:60s}", delayed = "${okrpm.gateway.openapi.refresh:60s}")
    void scheduledRefresh() {
        refresh();
    }

    /** Fetches every owner's document again; completes when all attempts are done. */
    public Future<Void> refresh() {
        List<Future<Void>> attempts = new ArrayList<>();
        for (Owner owner : Owner.values()) {
            MultiMap headers = MultiMap.caseInsensitiveMultiMap().add(HttpHeaders.ACCEPT, "application/json");
            attempts.add(upstreams.of(owner).get("/q/openapi?format=json", headers, FETCH_TIMEOUT_MS)
                    .<Void>map(response -> {
                        if (response.statusCode() == 200) {
                            JsonObject document = response.bodyAsJsonObject();
                            synchronized (fetched) {
                                fetched.put(owner, document);
                            }
                        } else {
                            LOG.debugf("%s answered %d for its OpenAPI document", owner.serviceName(), response.statusCode());
                        }
                        return null;
                    })
                    .recover(e -> {
                        LOG.debugf("Cannot fetch the OpenAPI document of %s: %s", owner.serviceName(), e.toString());
                        return Future.succeededFuture();
                    }));
        }
        return Future.join(attempts).<Void>map(all -> {
            merged = null;
            return null;
        }).recover(e -> Future.succeededFuture());
    }

    /** The merged document as it stands. */
    public JsonObject document() {
        JsonObject own = new JsonObject(new String(documents.getDocument(OpenApiConstants.DEFAULT_DOCUMENT_NAME,
                Format.JSON), StandardCharsets.UTF_8));
        Map<String, JsonObject> owners = new LinkedHashMap<>();
        synchronized (fetched) {
            fetched.forEach((owner, document) -> owners.put(owner.serviceName(), document));
        }
        return OpenApiMerger.merge(own, owners);
    }

    void serve(RoutingContext ctx) {
        String body = merged;
        if (body == null) {
            body = document().encode();
            merged = body;
        }
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json;charset=UTF-8").end(body);
    }
}

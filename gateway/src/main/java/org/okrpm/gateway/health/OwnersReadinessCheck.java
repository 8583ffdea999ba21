package org.okrpm.gateway.health;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.okrpm.gateway.routing.Owner;
import org.okrpm.gateway.routing.Upstreams;

/**
 * Ready only while every owner service answers on its API port (one of its replicas, another one if the connection
 * fails). The probe is {@code GET /q/openapi}, which every owner serves there without a token; their health
 * endpoints are on their management ports, which the gateway does not know.
 */
@Readiness
@ApplicationScoped
public class OwnersReadinessCheck implements AsyncHealthCheck {

    private static final long PROBE_TIMEOUT_MS = 2_000;
    private static final String PROBE_PATH = "/q/openapi";

    @Inject
    Upstreams upstreams;

    @Override
    public Uni<HealthCheckResponse> call() {
        List<Future<String>> probes = new ArrayList<>();
        for (Owner owner : Owner.values()) {
            probes.add(upstreams.of(owner).get(PROBE_PATH, MultiMap.caseInsensitiveMultiMap(), PROBE_TIMEOUT_MS)
                    .map(response -> response.statusCode() == 200 ? "UP" : "DOWN (" + response.statusCode() + ")")
                    .otherwise(e -> "UNREACHABLE"));
        }
        Future<HealthCheckResponse> result = Future.join(probes).map(all -> {
            HealthCheckResponseBuilder builder = HealthCheckResponse.named("owner services").up();
            for (int i = 0; i < probes.size(); i++) {
                String state = probes.get(i).result();
                builder.withData(Owner.values()[i].serviceName(), state);
                if (!"UP".equals(state)) {
                    builder.down();
                }
            }
            return builder.build();
        });
        return Uni.createFrom().completionStage(result.toCompletionStage());
    }
}

package org.okrpm.checkin.okr;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.okrpm.checkin.okr.OkrSnapshots.CycleSnapshot;
import org.okrpm.checkin.okr.OkrSnapshots.KeyResultSnapshot;
import org.okrpm.checkin.okr.OkrSnapshots.ObjectiveSnapshot;
import org.okrpm.kit.http.CurrentRequest;

/**
 * One short HTTP lookup at okr-service, for an entity the replica has not seen yet (created a moment ago):
 * 200 → the snapshot, 404 → empty, anything else (timeout after 1 s, connection refused, 5xx, 401/403,
 * unreadable body, open circuit) → {@link OkrUnconfirmedException} (422). The caller's Authorization and
 * X-Request-Id are passed on. One circuit breaker for all of okr-service: after 4 calls of which half failed
 * it opens for 10 s, and lookups answer 422 at once instead of waiting on a service that is down.
 */
@ApplicationScoped
public class OkrServiceLookup {

    public static final String CIRCUIT = "okr-service";
    private static final Logger LOG = Logger.getLogger(OkrServiceLookup.class);

    @Inject
    @RestClient
    OkrServiceClient client;

    @Inject
    CurrentVertxRequest currentVertxRequest;

    @Inject
    CurrentRequest request;

    @Inject
    Guarded guarded;

    public Optional<KeyResultSnapshot> keyResult(UUID id) {
        String authorization = authorization();
        String requestId = request.id();
        return lookup("Key result", id, () -> client.keyResult(id, authorization, requestId));
    }

    public Optional<ObjectiveSnapshot> objective(UUID id) {
        String authorization = authorization();
        String requestId = request.id();
        return lookup("Objective", id, () -> client.objective(id, authorization, requestId));
    }

    public Optional<CycleSnapshot> cycle(UUID id) {
        String authorization = authorization();
        String requestId = request.id();
        return lookup("Cycle", id, () -> client.cycle(id, authorization, requestId));
    }

    private <T> Optional<T> lookup(String what, UUID id, Supplier<T> call) {
        try {
            return guarded.call(call);
        } catch (CircuitBreakerOpenException e) {
            throw new OkrUnconfirmedException(what, id, "is not being asked right now (it failed recently)");
        } catch (TimeoutException e) {
            LOG.warnf("okr-service did not answer the lookup of %s %s in time", what, id);
            throw new OkrUnconfirmedException(what, id, "did not answer in time");
        } catch (RuntimeException e) {
            LOG.warnf("okr-service lookup of %s %s failed: %s", what, id, e.toString());
            throw new OkrUnconfirmedException(what, id, "could not be reached or failed");
        }
    }

    private String authorization() {
        try {
            RoutingContext ctx = currentVertxRequest.getCurrent();
            return ctx == null ? null : ctx.request().getHeader("Authorization");
        } catch (ContextNotActiveException e) {
            return null;
        }
    }

    /** The fault-tolerance guard, a bean of its own so that its interceptors apply. */
    @ApplicationScoped
    public static class Guarded {

        /** The call's result; empty on 404 (an answer, not a failure of okr-service). */
        @Timeout(value = 1, unit = ChronoUnit.SECONDS)
        @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
        @CircuitBreakerName(CIRCUIT)
        public <T> Optional<T> call(Supplier<T> call) {
            try {
                return Optional.ofNullable(call.get());
            } catch (WebApplicationException e) {
                if (e.getResponse() != null && e.getResponse().getStatus() == 404) {
                    return Optional.empty();
                }
                throw e;
            }
        }
    }
}

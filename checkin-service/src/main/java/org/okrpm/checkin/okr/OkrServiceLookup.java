package org.okrpm.checkin.okr;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.okrpm.checkin.okr.OkrSnapshots.CycleSnapshot;
import org.okrpm.checkin.okr.OkrSnapshots.KeyResultSnapshot;
import org.okrpm.checkin.okr.OkrSnapshots.ObjectiveSnapshot;
import org.okrpm.kit.http.CurrentRequest;
import org.okrpm.kit.lookup.CallerCredentials;
import org.okrpm.kit.lookup.OwnerLookup;
import org.okrpm.kit.lookup.OwnerUnavailableException;

/**
 * One short HTTP lookup at okr-service, for an entity the replica has not seen yet (created a moment ago),
 * through the kit's {@link OwnerLookup}: 200 → the snapshot, 404 → empty, anything else (timeout after 1 s,
 * connection refused, 5xx, 401/403, unreadable body, open circuit) → {@link OkrUnconfirmedException} (422).
 * The caller's Authorization (and X-API-Key) and X-Request-Id are passed on. One circuit breaker for all of
 * okr-service; 401/403 (the caller's credentials) do not count against it.
 */
@Startup
@ApplicationScoped
public class OkrServiceLookup {

    /** The circuit's name, for {@code CircuitBreakerMaintenance}: the owner, okr-service. */
    public static final String CIRCUIT = "okr-service";

    @Inject
    @RestClient
    OkrServiceClient client;

    @Inject
    CallerCredentials caller;

    @Inject
    CurrentRequest request;

    private OwnerLookup okr;

    /** Built once, eagerly: the circuit is registered when the policy is built. */
    @PostConstruct
    void init() {
        okr = OwnerLookup.forOwner(CIRCUIT);
    }

    public Optional<KeyResultSnapshot> keyResult(UUID id) {
        String authorization = caller.authorization();
        String apiKey = caller.apiKey();
        String requestId = request.id();
        return lookup("Key result", id, () -> client.keyResult(id, authorization, apiKey, requestId));
    }

    public Optional<ObjectiveSnapshot> objective(UUID id) {
        String authorization = caller.authorization();
        String apiKey = caller.apiKey();
        String requestId = request.id();
        return lookup("Objective", id, () -> client.objective(id, authorization, apiKey, requestId));
    }

    public Optional<CycleSnapshot> cycle(UUID id) {
        String authorization = caller.authorization();
        String apiKey = caller.apiKey();
        String requestId = request.id();
        return lookup("Cycle", id, () -> client.cycle(id, authorization, apiKey, requestId));
    }

    private <T> Optional<T> lookup(String what, UUID id, Supplier<T> call) {
        try {
            return okr.find(what, id, call);
        } catch (OwnerUnavailableException e) {
            throw new OkrUnconfirmedException(what, id, e.reason().phrase());
        }
    }
}

package org.okrpm.project.keyresult;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.okrpm.kit.http.CurrentRequest;
import org.okrpm.kit.lookup.CallerCredentials;
import org.okrpm.kit.lookup.OwnerLookup;
import org.okrpm.kit.lookup.OwnerUnavailableException;

/**
 * Asks okr-service once for a key result the replica has not seen, with the caller's credentials and request
 * id, through the kit's {@link OwnerLookup} (1 s timeout, circuit breaker; 401/403 are not okr-service
 * failing and do not count against the circuit; 404 is "does not exist").
 */
@Startup
@ApplicationScoped
public class KeyResultLookup {

    /** The circuit's name, for {@code CircuitBreakerMaintenance}: the owner, okr-service. */
    public static final String CIRCUIT = "okr-service";

    @Inject
    @RestClient
    OkrServiceClient okrService;

    @Inject
    CallerCredentials caller;

    @Inject
    CurrentRequest currentRequest;

    private OwnerLookup okr;

    /** Built once, eagerly: the circuit is registered when the policy is built. */
    @PostConstruct
    void init() {
        okr = OwnerLookup.forOwner(CIRCUIT);
    }

    /**
     * @return the key result, or empty when okr-service says 404
     * @throws OwnerUnavailableException on timeout, error status, refused credentials, unreachable okr-service
     *                                   or open circuit
     */
    public Optional<KeyResultSnapshot> find(UUID id) {
        String authorization = caller.authorization();
        String apiKey = caller.apiKey();
        String requestId = currentRequest.id();
        return okr.find("Key result", id, () -> okrService.keyResult(id, authorization, apiKey, requestId));
    }
}

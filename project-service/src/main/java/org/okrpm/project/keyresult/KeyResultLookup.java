package org.okrpm.project.keyresult;

import io.smallrye.faulttolerance.api.CircuitBreakerName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Asks okr-service once for a key result the replica has not seen. Short timeout; a circuit breaker stops
 * asking for a while when okr-service keeps failing, so a slow or dead okr-service never slows every
 * request. A 401/403 (the caller's credentials are not good for okr-service) is not okr-service failing and
 * does not count against the circuit.
 */
@ApplicationScoped
public class KeyResultLookup {

    /** The circuit's name, for {@code CircuitBreakerMaintenance}. */
    public static final String CIRCUIT = "okr-service-key-results";

    @Inject
    @RestClient
    OkrServiceClient okrService;

    /** okr-service refused the caller's credentials: the answer is unknown, but okr-service is healthy. */
    public static class LookupRefusedException extends RuntimeException {
        public LookupRefusedException(int status) {
            super("okr-service answered " + status);
        }
    }

    /**
     * @return the key result, or empty when okr-service says 404
     * @throws RuntimeException on timeout, error status, unreachable okr-service or open circuit
     */
    @Timeout(value = 1000, unit = ChronoUnit.MILLIS)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            successThreshold = 1, skipOn = LookupRefusedException.class)
    @CircuitBreakerName(CIRCUIT)
    public Optional<KeyResultSnapshot> find(UUID id, String authorization, String apiKey, String requestId) {
        try {
            return Optional.ofNullable(okrService.keyResult(id, authorization, apiKey, requestId));
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 404) {
                return Optional.empty();
            }
            if (status == 401 || status == 403) {
                throw new LookupRefusedException(status);
            }
            throw e;
        }
    }
}

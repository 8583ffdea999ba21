package org.okrpm.checkin.okr;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.okrpm.checkin.okr.OkrSnapshots.CycleSnapshot;
import org.okrpm.checkin.okr.OkrSnapshots.KeyResultSnapshot;
import org.okrpm.checkin.okr.OkrSnapshots.ObjectiveSnapshot;

/**
 * okr-service's read API, for the HTTP fallback only ({@code stork://okr-service}: the replicas listed in
 * {@code okrpm.lookup.okr-service.replicas}). The caller's credentials (Authorization, X-API-Key; a null header
 * is not sent) and request id are passed on. Use it through {@link OkrServiceLookup}, which adds the timeout,
 * the circuit breaker and the one retry on another replica.
 */
@RegisterRestClient(configKey = "okr-service")
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface OkrServiceClient {

    @GET
    @Path("key-results/{id}")
    KeyResultSnapshot keyResult(@PathParam("id") UUID id, @HeaderParam("Authorization") String authorization,
                                @HeaderParam("X-API-Key") String apiKey,
                                @HeaderParam("X-Request-Id") String requestId);

    @GET
    @Path("objectives/{id}")
    ObjectiveSnapshot objective(@PathParam("id") UUID id, @HeaderParam("Authorization") String authorization,
                                @HeaderParam("X-API-Key") String apiKey,
                                @HeaderParam("X-Request-Id") String requestId);

    @GET
    @Path("cycles/{id}")
    CycleSnapshot cycle(@PathParam("id") UUID id, @HeaderParam("Authorization") String authorization,
                        @HeaderParam("X-API-Key") String apiKey, @HeaderParam("X-Request-Id") String requestId);
}

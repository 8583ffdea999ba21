package org.okrpm.project.keyresult;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * okr-service's HTTP API, as far as project-service uses it: {@code stork://okr-service}, the replicas listed in
 * {@code okrpm.lookup.okr-service.replicas} (OKRPM_LOOKUP_OKR_SERVICE_REPLICAS). A status ≥ 400 arrives as a
 * WebApplicationException.
 */
@RegisterRestClient(configKey = "okr-service")
@Path("/api/v1/key-results")
public interface OkrServiceClient {

    /** The caller's credentials and request id are passed on; a null header is not sent. */
    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    KeyResultSnapshot keyResult(@PathParam("id") UUID id,
                                @HeaderParam("Authorization") String authorization,
                                @HeaderParam("X-API-Key") String apiKey,
                                @HeaderParam("X-Request-Id") String requestId);
}

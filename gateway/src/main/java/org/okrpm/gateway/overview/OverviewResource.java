package org.okrpm.gateway.overview;

import io.smallrye.mutiny.Uni;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.okrpm.kit.problem.Problem;

/** One call for a dashboard: the objective, its key results, their linked projects and latest check-ins. */
@Path("/api/v1/objectives/{id}/overview")
@Tag(name = "overview")
public class OverviewResource {

    @Inject
    OverviewService overviews;

    @Inject
    CurrentVertxRequest request;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "jwt")
    @Operation(operationId = "getObjectiveOverview", summary = "Objective overview for dashboards",
            description = "The objective (from okr-service) with, for each key result, its linked projects with their "
                    + "taskStats (project-service) and its latest check-in (checkin-service), fetched in parallel with "
                    + "the caller's token. When project-service or checkin-service is down the answer is still 200: "
                    + "the parts it would have given are {\"available\": false} and `unavailable` names the service. "
                    + "Without okr-service there is nothing to show: 503.")
    @APIResponse(responseCode = "200", description = "The overview, possibly with parts marked unavailable",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = OverviewDocs.ObjectiveOverview.class)))
    @APIResponse(responseCode = "404", description = "No such objective (okr-service's answer, passed on)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "okr-service is down",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> overview(@PathParam("id") String id) {
        return overviews.overview(id, request.getCurrent());
    }
}

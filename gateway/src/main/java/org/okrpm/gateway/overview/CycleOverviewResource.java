package org.okrpm.gateway.overview;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.okrpm.kit.problem.Problem;

/** One call for a cycle's dashboard: every objective of the cycle or team, with everything its cards show. */
@Path("/api/v1/cycles/{id}/overview")
@Tag(name = "overview")
public class CycleOverviewResource {

    @Inject
    CycleOverviewService overviews;

    @Inject
    CurrentVertxRequest request;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "jwt")
    @Operation(operationId = "getCycleOverview", summary = "Cycle overview for dashboards",
            description = "The cycle and every objective of it (or of one team) with its key results (okr-service); "
                    + "for each key result its linked projects with taskStats and health (project-service) and its "
                    + "latest check-in (checkin-service). One list per owner, read in parallel with the caller's "
                    + "token. When project-service or checkin-service is down the answer is still 200: the parts it "
                    + "would have given are {\"available\": false} and `unavailable` names the service. Without "
                    + "okr-service there is nothing to show: 503.")
    @APIResponse(responseCode = "200", description = "The overview, possibly with parts marked unavailable",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = OverviewDocs.CycleOverview.class)))
    @APIResponse(responseCode = "400", description = "An unknown query parameter, or a teamId okr-service refuses",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such cycle (okr-service's answer, passed on)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "okr-service is down",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> overview(
            @PathParam("id") String id,
            @Parameter(description = "Only the objectives of this team (the objectives' teamId)", example = "checkout")
            @QueryParam("teamId") String teamId) {
        return overviews.overview(id, teamId, request.getCurrent());
    }
}

package org.okrpm.okr.summary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.okrpm.kit.problem.Problem;
import org.okrpm.kit.security.Roles;
import org.okrpm.okr.summary.CycleSummaryDtos.CycleSummary;

/** Where a cycle stands, for the retrospective and for closing it. */
@Path("/api/v1/cycles/{id}/summary")
@Tag(name = "Cycles")
@Produces(MediaType.APPLICATION_JSON)
public class CycleSummaryResource {

    @Inject
    CycleSummaryService summaries;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MEMBER, Roles.VIEWER})
    @Operation(operationId = "getCycleSummary", summary = "Summarise a cycle",
            description = "Counts of objectives and key results per derived status (the same as their views), mean "
                    + "progress of the objectives and mean score of the scored ones, the key results without a "
                    + "score, and the objectives without a retrospective: an objective is covered by a retrospective "
                    + "that names it or by a whole-cycle retrospective of its team (checkin-service, by event, so a "
                    + "retrospective written a moment ago may not count yet). Private objectives count everywhere, "
                    + "but only callers who may see them get their titles; for the others they are hidden counts.")
    @APIResponse(responseCode = "200", description = "The summary now",
            content = @Content(schema = @Schema(implementation = CycleSummary.class)))
    @APIResponse(responseCode = "404", description = "No such cycle",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CycleSummary summary(@Parameter(description = "The cycle") @PathParam("id") UUID id) {
        return summaries.summary(id);
    }
}

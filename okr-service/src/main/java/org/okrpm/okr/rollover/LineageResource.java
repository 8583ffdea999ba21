package org.okrpm.okr.rollover;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.okrpm.kit.problem.Problem;
import org.okrpm.kit.security.Roles;
import org.okrpm.okr.rollover.RolloverDtos.LineageEntry;

/** A key result across the cycles it was rolled over through. */
@Path("/api/v1/key-results/{id}/lineage")
@Tag(name = "Key results")
@Produces(MediaType.APPLICATION_JSON)
public class LineageResource {

    @Inject
    LineageService lineage;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MEMBER, Roles.VIEWER})
    @Operation(operationId = "getKeyResultLineage", summary = "The key result's chain across cycles, oldest first",
            description = "Follows previousId back to the first key result and forward through each rollover, "
                    + "whichever key result of the chain is asked for. A key result never rolled over answers a "
                    + "chain of one.")
    @APIResponse(responseCode = "200", description = "A JSON array, oldest first",
            content = @Content(schema = @Schema(implementation = LineageEntry[].class)))
    @APIResponse(responseCode = "404", description = "No such key result",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<LineageEntry> lineage(@Parameter(description = "Any key result of the chain") @PathParam("id") UUID id) {
        return lineage.of(id);
    }
}

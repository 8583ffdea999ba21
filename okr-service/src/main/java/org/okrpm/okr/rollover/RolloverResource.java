package org.okrpm.okr.rollover;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
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
import org.okrpm.kit.idempotency.Idempotent;
import org.okrpm.kit.problem.Problem;
import org.okrpm.kit.security.Roles;
import org.okrpm.okr.rollover.RolloverDtos.RolloverRequest;
import org.okrpm.okr.rollover.RolloverDtos.RolloverResult;

/** Unfinished key results of a cycle that is over move on into the next one. */
@Path("/api/v1/cycles/{id}/rollover")
@Tag(name = "Cycles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Idempotent
public class RolloverResource {

    @Inject
    RolloverService rollovers;

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.MEMBER})
    @Operation(operationId = "rollOverCycle", summary = "Carry unfinished key results into another cycle",
            description = "From a cycle in RETROSPECTIVE or CLOSED into one in PLANNING or EXECUTION. Every "
                    + "unfinished key result (progress < 1), or only those listed, continues in the target cycle under "
                    + "a copy of its objective (one copy per objective, reused by later rollovers), with previousId "
                    + "naming what it continues: the same target, metric, weight, owner and progress source, starting "
                    + "at the old current value. Open tasks linked to the old key result follow in project-service "
                    + "(okr.key-result.rolled-over); DONE ones stay. Idempotent: a second call makes nothing new and "
                    + "answers the same pairs with created false.")
    @APIResponse(responseCode = "200", description = "The objectives and key results carried, with their "
            + "continuations", content = @Content(schema = @Schema(implementation = RolloverResult.class)))
    @APIResponse(responseCode = "403", description = "The caller may not change one of the objectives concerned "
            + "(neither admin nor its owner, creator or a member of its team; the detail names it), or is a viewer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such cycle",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The source is not in RETROSPECTIVE or CLOSED, the target not "
            + "in PLANNING or EXECUTION, or a key result was rolled over into another cycle already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The target cycle does not exist or is the source; a listed key "
            + "result is not in the source cycle or is finished (the detail names them)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RolloverResult rollover(
            @Parameter(description = "The cycle that is over") @PathParam("id") UUID id,
            @Valid @NotNull RolloverRequest body) {
        return rollovers.rollover(id, body);
    }
}

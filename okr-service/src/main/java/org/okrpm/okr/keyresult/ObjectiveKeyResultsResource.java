package org.okrpm.okr.keyresult;

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
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.okrpm.kit.http.CurrentRequest;
import org.okrpm.kit.idempotency.Idempotent;
import org.okrpm.kit.problem.Problem;
import org.okrpm.kit.security.Roles;
import org.okrpm.okr.keyresult.KeyResultDtos.KeyResultCreate;
import org.okrpm.okr.keyresult.KeyResultDtos.KeyResultView;

/** Key results are created under their objective. */
@Path("/api/v1/objectives/{objectiveId}/key-results")
@Tag(name = "Key results")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Idempotent
public class ObjectiveKeyResultsResource {

    @Inject
    KeyResultService keyResults;

    @Inject
    CurrentRequest request;

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.MEMBER})
    @Operation(operationId = "createKeyResult", summary = "Add a key result to an objective",
            description = "currentValue starts at startValue, progress at 0. BOOLEAN means start 0, target 1.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = KeyResultView.class)))
    @APIResponse(responseCode = "403", description = "The caller is neither admin nor the objective's owner, creator "
            + "or a member of its team (the detail names the rule), or is a viewer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The cycle is CLOSED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@PathParam("objectiveId") UUID objectiveId, @Valid @NotNull KeyResultCreate body) {
        KeyResultView created = keyResults.create(objectiveId, body, request.describe());
        return Response.created(URI.create("/api/v1/key-results/" + created.id())).entity(created).build();
    }
}

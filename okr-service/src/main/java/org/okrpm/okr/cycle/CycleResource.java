package org.okrpm.okr.cycle;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.okrpm.kit.http.MergePatcher;
import org.okrpm.kit.idempotency.Idempotent;
import org.okrpm.kit.paging.PageRequest;
import org.okrpm.kit.paging.PageResponse;
import org.okrpm.kit.paging.Sorting;
import org.okrpm.kit.persistence.Criteria;
import org.okrpm.kit.problem.Problem;
import org.okrpm.kit.security.Roles;
import org.okrpm.okr.cycle.CycleDtos.CycleCreate;
import org.okrpm.okr.cycle.CycleDtos.CycleView;
import org.okrpm.okr.cycle.CycleDtos.PhaseChange;

@Path("/api/v1/cycles")
@Tag(name = "Cycles", description = "Quarterly OKR cycles: PLANNING → EXECUTION → RETROSPECTIVE → CLOSED")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Idempotent
public class CycleResource {

    /** What {@code ?sort=} may name: the OpenAPI description and the check share this constant. */
    static final String SORT_FIELDS = "name, startDate, endDate, createdAt, updatedAt";
    private static final Sorting SORTING = Sorting.fields(SORT_FIELDS, Criteria.oldestFirst());

    @Inject
    CycleService cycles;

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.MEMBER})
    @Operation(operationId = "createCycle",
            summary = "Create a cycle", description = "Starts in PLANNING. endDate must be after startDate.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = CycleView.class)))
    @APIResponse(responseCode = "409", description = "A cycle with this name exists",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull CycleCreate body) {
        CycleView created = cycles.create(body);
        return Response.created(URI.create("/api/v1/cycles/" + created.id())).entity(created).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MEMBER, Roles.VIEWER})
    @Operation(operationId = "listCycles",
            summary = "List cycles", description = "Oldest first unless sorted; filters by phase, name and date.")
    public PageResponse<CycleView> list(
            @QueryParam("phase") CyclePhase phase,
            @Parameter(description = "Only cycles whose name contains this text, ignoring case")
            @QueryParam("q") String q,
            @Parameter(description = "true: only the cycles running today (startDate ≤ today ≤ endDate, UTC)")
            @QueryParam("current") Boolean current,
            @Parameter(description = Sorting.DESCRIPTION + SORT_FIELDS) @QueryParam("sort") String sort,
            @Valid @BeanParam PageRequest page) {
        return cycles.list(new CycleService.CycleFilter(phase, q, Boolean.TRUE.equals(current)), SORTING.parse(sort),
                page);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MEMBER, Roles.VIEWER})
    @Operation(operationId = "getCycle", summary = "Get a cycle", description = "The ETag header carries the version.")
    public CycleView get(@PathParam("id") UUID id) {
        return cycles.get(id);
    }

    @PATCH
    @Path("{id}")
    @Consumes({MergePatcher.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.ADMIN, Roles.MEMBER})
    @Operation(operationId = "updateCycle",
            summary = "Change a cycle's name or dates", description = "JSON merge patch of name, startDate, endDate.")
    @APIResponse(responseCode = "200", description = "Updated",
            content = @Content(schema = @Schema(implementation = CycleView.class)))
    @APIResponse(responseCode = "409", description = "The cycle is CLOSED, or the name is taken",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CycleView patch(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @RequestBody(content = {
                    @Content(mediaType = MergePatcher.MEDIA_TYPE, schema = @Schema(implementation = CycleDtos.CycleUpdate.class)),
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CycleDtos.CycleUpdate.class))})
            JsonNode patch) {
        return cycles.update(id, ifMatch, patch);
    }

    @POST
    @Path("{id}/phase")
    @RolesAllowed({Roles.ADMIN, Roles.MEMBER})
    @Operation(operationId = "changeCyclePhase", summary = "Move the cycle to its next phase",
            description = "PLANNING → EXECUTION → RETROSPECTIVE → CLOSED; skipping or going back is 409.")
    @APIResponse(responseCode = "200", description = "The cycle in its new phase",
            content = @Content(schema = @Schema(implementation = CycleView.class)))
    @APIResponse(responseCode = "409", description = "Not the next phase",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CycleView changePhase(@PathParam("id") UUID id, @Valid @NotNull PhaseChange body) {
        return cycles.changePhase(id, body.phase());
    }
}

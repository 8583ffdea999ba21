package org.okrpm.okr.objective;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.okrpm.kit.http.CurrentRequest;
import org.okrpm.kit.http.MergePatcher;
import org.okrpm.kit.idempotency.Idempotent;
import org.okrpm.kit.paging.PageRequest;
import org.okrpm.kit.paging.PageResponse;
import org.okrpm.kit.paging.Sorting;
import org.okrpm.kit.persistence.Criteria;
import org.okrpm.kit.problem.Problem;
import org.okrpm.kit.security.Roles;
import org.okrpm.okr.objective.ObjectiveDtos.AlignmentNode;
import org.okrpm.okr.objective.ObjectiveDtos.ObjectiveCreate;
import org.okrpm.okr.objective.ObjectiveDtos.ObjectiveView;
import org.okrpm.okr.objective.ObjectiveService.ObjectiveFilter;

@Path("/api/v1/objectives")
@Tag(name = "Objectives", description = "Qualitative goals per cycle, cascading company → individual")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Idempotent
public class ObjectiveResource {

    /** What {@code ?sort=} may name: the OpenAPI description and the check share this constant. */
    static final String SORT_FIELDS = "title, progress, createdAt, updatedAt";
    private static final Sorting SORTING = Sorting.fields(SORT_FIELDS, Criteria.oldestFirst());

    @Inject
    ObjectiveService objectives;

    @Inject
    CurrentRequest request;

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.MEMBER})
    @Operation(operationId = "createObjective", summary = "Create an objective",
            description = "Starts ACTIVE with progress 0 and no key results. ownerId defaults to the caller.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = ObjectiveView.class)))
    @APIResponse(responseCode = "409", description = "The cycle is CLOSED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown cycleId or parentId",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull ObjectiveCreate body) {
        ObjectiveView created = objectives.create(body, request.userId());
        return Response.created(URI.create("/api/v1/objectives/" + created.id())).entity(created).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MEMBER, Roles.VIEWER})
    @Operation(operationId = "listObjectives",
            summary = "List objectives", description = "Oldest first unless sorted; each embeds its key results.")
    public PageResponse<ObjectiveView> list(@QueryParam("cycleId") UUID cycleId,
                                            @Parameter(description = "Only objectives whose title contains this "
                                                    + "text, ignoring case")
                                            @QueryParam("q") String q,
                                            @Parameter(description = Sorting.DESCRIPTION + SORT_FIELDS)
                                            @QueryParam("sort") String sort,
                                            @QueryParam("ownerId") String ownerId,
                                            @QueryParam("teamId") String teamId,
                                            @QueryParam("level") ObjectiveLevel level,
                                            @QueryParam("parentId") UUID parentId,
                                            @QueryParam("status") ObjectiveStatus status,
                                            @Valid @BeanParam PageRequest page) {
        return objectives.list(new ObjectiveFilter(cycleId, ownerId, teamId, level, parentId, status, q),
                SORTING.parse(sort), page);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MEMBER, Roles.VIEWER})
    @Operation(operationId = "getObjective", summary = "Get an objective with its key results")
    public ObjectiveView get(@PathParam("id") UUID id) {
        return objectives.get(id);
    }

    @GET
    @Path("{id}/alignment")
    @RolesAllowed({Roles.ADMIN, Roles.MEMBER, Roles.VIEWER})
    @Operation(operationId = "getObjectiveAlignment",
            summary = "The objective and everything aligned under it, recursively, each with its progress")
    public AlignmentNode alignment(@PathParam("id") UUID id) {
        return objectives.alignment(id);
    }

    @PATCH
    @Path("{id}")
    @Consumes({MergePatcher.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.ADMIN, Roles.MEMBER})
    @Operation(operationId = "updateObjective", summary = "Change an objective",
            description = "JSON merge patch of title, description, level, ownerId, teamId, parentId, status.")
    @APIResponse(responseCode = "200", description = "Updated",
            content = @Content(schema = @Schema(implementation = ObjectiveView.class)))
    @APIResponse(responseCode = "403", description = "The caller is neither admin nor the objective's owner, creator "
            + "or a member of its team (the detail names the rule), or is a viewer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The cycle is CLOSED, or the new parent would make a loop",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown parentId",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ObjectiveView patch(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @RequestBody(content = {
                    @Content(mediaType = MergePatcher.MEDIA_TYPE, schema = @Schema(implementation = ObjectiveDtos.ObjectiveUpdate.class)),
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ObjectiveDtos.ObjectiveUpdate.class))})
            JsonNode patch) {
        return objectives.update(id, ifMatch, patch);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MEMBER})
    @Operation(operationId = "deleteObjective", summary = "Delete an objective and its key results",
            description = "Objectives aligned under it stay, moved to the top level (parentId null).")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", description = "The caller is neither admin nor the objective's owner, creator "
            + "or a member of its team (the detail names the rule), or is a viewer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The cycle is CLOSED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        objectives.delete(id, ifMatch);
        return Response.noContent().build();
    }
}

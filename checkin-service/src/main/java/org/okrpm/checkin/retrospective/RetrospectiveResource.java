package org.okrpm.checkin.retrospective;

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
import org.okrpm.checkin.retrospective.RetrospectiveDtos.RetrospectiveCreate;
import org.okrpm.checkin.retrospective.RetrospectiveDtos.RetrospectiveView;
import org.okrpm.kit.http.CurrentRequest;
import org.okrpm.kit.http.MergePatcher;
import org.okrpm.kit.idempotency.Idempotent;
import org.okrpm.kit.paging.PageRequest;
import org.okrpm.kit.paging.PageResponse;
import org.okrpm.kit.paging.Sorting;
import org.okrpm.kit.persistence.Criteria;
import org.okrpm.kit.problem.Problem;
import org.okrpm.kit.security.Roles;

@Path("/api/v1/retrospectives")
@Tag(name = "Retrospectives", description = "End-of-cycle reflections, one per objective or one per team for the whole "
        + "cycle, while the cycle is in RETROSPECTIVE")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Idempotent
public class RetrospectiveResource {

    /** What {@code ?sort=} may name: the OpenAPI description and the check share this constant. */
    static final String SORT_FIELDS = "createdAt, updatedAt";
    private static final Sorting SORTING = Sorting.fields(SORT_FIELDS, Criteria.oldestFirst());

    @Inject
    RetrospectiveService retrospectives;

    @Inject
    CurrentRequest request;

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.MEMBER})
    @Operation(operationId = "createRetrospective", summary = "Write an objective's or a team's whole-cycle retrospective",
            description = "Only while the cycle is in RETROSPECTIVE. With objectiveId: one per objective. Without it, "
                    + "a whole-cycle retrospective of teamId: one per cycle and team. At least one of wentWell, "
                    + "toImprove, lessons. authorId is the caller. Published as checkin.retrospective.written.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = RetrospectiveView.class)))
    @APIResponse(responseCode = "409", description = "The cycle is not in RETROSPECTIVE, or the objective (or the team, "
            + "for a whole-cycle retrospective) already has one",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown cycle, or an objective that is unknown or not in that cycle",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull RetrospectiveCreate body) {
        RetrospectiveView created = retrospectives.create(body, request.userId());
        return Response.created(URI.create("/api/v1/retrospectives/" + created.id())).entity(created).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MEMBER, Roles.VIEWER})
    @Operation(operationId = "listRetrospectives",
            summary = "List retrospectives", description = "Oldest first unless sorted.")
    public PageResponse<RetrospectiveView> list(@QueryParam("cycleId") UUID cycleId,
                                                @QueryParam("objectiveId") UUID objectiveId,
                                                @Parameter(description = "Only the whole-cycle retrospectives of this "
                                                        + "team", example = "team-a")
                                                @QueryParam("teamId") String teamId,
                                                @Parameter(description = Sorting.DESCRIPTION + SORT_FIELDS)
                                                @QueryParam("sort") String sort,
                                                @Valid @BeanParam PageRequest page) {
        return retrospectives.list(cycleId, objectiveId, teamId, SORTING.parse(sort), page);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MEMBER, Roles.VIEWER})
    @Operation(operationId = "getRetrospective",
            summary = "Get a retrospective", description = "The ETag header carries the version.")
    public RetrospectiveView get(@PathParam("id") UUID id) {
        return retrospectives.get(id);
    }

    @PATCH
    @Path("{id}")
    @Consumes({MergePatcher.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.ADMIN, Roles.MEMBER})
    @Operation(operationId = "updateRetrospective", summary = "Change a retrospective's text",
            description = "JSON merge patch of wentWell, toImprove, lessons; only while the cycle is in RETROSPECTIVE. "
                    + "Published as checkin.retrospective.updated.")
    @APIResponse(responseCode = "200", description = "Updated",
            content = @Content(schema = @Schema(implementation = RetrospectiveView.class)))
    @APIResponse(responseCode = "409", description = "The cycle is no longer in RETROSPECTIVE",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RetrospectiveView patch(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @RequestBody(content = {
                    @Content(mediaType = MergePatcher.MEDIA_TYPE, schema = @Schema(implementation = RetrospectiveDtos.RetrospectiveUpdate.class)),
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RetrospectiveDtos.RetrospectiveUpdate.class))})
            JsonNode patch) {
        return retrospectives.update(id, ifMatch, patch);
    }
}

package org.okrpm.okr.objective;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import java.time.Instant;
import java.time.LocalDate;
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
import org.okrpm.okr.objective.ObjectiveDtos.ObjectiveHistoryPage;
import org.okrpm.okr.objective.ObjectiveDtos.ObjectiveHistoryView;
import org.okrpm.okr.objective.ObjectiveDtos.ObjectiveView;
import org.okrpm.okr.objective.ObjectiveService.ObjectiveFilter;
import org.okrpm.okr.pace.SeriesBuilder;
import org.okrpm.okr.pace.SeriesDtos.Series;
import org.okrpm.okr.pace.SeriesInterval;

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
            description = "Starts ACTIVE with progress 0 and no key results. ownerId defaults to the caller, weight to 1, "
                    + "visibility to PUBLIC; without progressMode its progress follows its key results once it has "
                    + "some, else its aligned children. Aligned under a parent, it counts in the parent's progress.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = ObjectiveView.class)))
    @APIResponse(responseCode = "409", description = "The cycle is CLOSED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown cycleId or parentId",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull ObjectiveCreate body) {
        ObjectiveView created = objectives.create(body, request.userId(), request.describe());
        return Response.created(URI.create("/api/v1/objectives/" + created.id())).entity(created).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MEMBER, Roles.VIEWER})
    @Operation(operationId = "listObjectives",
            summary = "List objectives", description = "Oldest first unless sorted; each embeds its key results. "
                    + "PRIVATE objectives the caller may not see are left out.")
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
                                            @Parameter(description = "Only objectives in this lifecycle state")
                                            @QueryParam("state") ObjectiveState state,
                                            @Valid @BeanParam PageRequest page) {
        return objectives.list(new ObjectiveFilter(cycleId, ownerId, teamId, level, parentId, state, q),
                SORTING.parse(sort), page);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MEMBER, Roles.VIEWER})
    @Operation(operationId = "getObjective", summary = "Get an objective with its key results",
            description = "A PRIVATE objective is a 404 for anyone but its owner, creator, team members and admins. "
                    + "With `asOf`, the objective as it was at that instant: progress from its history, its key results "
                    + "as of then (those created later left out), expectedProgress, status and forecast as of then; "
                    + "every other field as it is now.")
    @APIResponse(responseCode = "200", description = "The objective",
            content = @Content(schema = @Schema(implementation = ObjectiveView.class)))
    @APIResponse(responseCode = "400", description = "A malformed asOf",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such objective, a PRIVATE one the caller may not see, or it "
            + "did not exist yet at asOf",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ObjectiveView get(@PathParam("id") UUID id,
                             @Parameter(description = "The instant to answer for; default now",
                                     example = "2026-11-02T09:00:00Z")
                             @QueryParam("asOf") Instant asOf) {
        return asOf == null ? objectives.get(id) : objectives.get(id, asOf);
    }

    @GET
    @Path("{id}/series")
    @RolesAllowed({Roles.ADMIN, Roles.MEMBER, Roles.VIEWER})
    @Operation(operationId = "getObjectiveSeries", summary = "The objective's progress over time, one point per day "
            + "or week", description = "As for a key result: from `from` to `to` (days, UTC, both included; default "
            + "the cycle's start to today or its due date, whichever is earlier), the state at the end of each bucket "
            + "carried forward from its history (before the first entry: 0). `value` and `confidence` are null for "
            + "objectives. At most " + SeriesBuilder.MAX_POINTS + " points.")
    @APIResponse(responseCode = "200", description = "The series",
            content = @Content(schema = @Schema(implementation = Series.class)))
    @APIResponse(responseCode = "400", description = "A malformed from, to or interval, to before from, or more than "
            + SeriesBuilder.MAX_POINTS + " points",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Series series(
            @PathParam("id") UUID id,
            @Parameter(description = "The first day; default the cycle's start date", example = "2026-10-01")
            @QueryParam("from") LocalDate from,
            @Parameter(description = "The last day; default today or the due date, whichever is earlier",
                    example = "2026-12-31")
            @QueryParam("to") LocalDate to,
            @Parameter(description = "DAY (default) or WEEK: seven days counted from `from`")
            @QueryParam("interval") SeriesInterval interval) {
        return objectives.series(id, from, to, interval);
    }

    @GET
    @Path("{id}/alignment")
    @RolesAllowed({Roles.ADMIN, Roles.MEMBER, Roles.VIEWER})
    @Operation(operationId = "getObjectiveAlignment",
            summary = "The objective and everything aligned under it, recursively, each with its progress",
            description = "Children the caller may not see (PRIVATE ones of others) are not listed, nor what is aligned "
                    + "under them; each node sums them up in privateChildren, without titles.")
    public AlignmentNode alignment(@PathParam("id") UUID id) {
        return objectives.alignment(id);
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({Roles.ADMIN, Roles.MEMBER, Roles.VIEWER})
    @Operation(operationId = "getObjectiveHistory", summary = "Every change of the objective's progress, oldest first",
            description = "Each entry names its source (MANUAL: the objective itself, KEY_RESULTS: one of its key "
                    + "results, CHILDREN: an aligned objective) and the request or event that caused it; empty until its "
                    + "progress first moves from 0. `from`/`to` keep the changes made in [from, to). Without `page` and `size` the "
                    + "answer is the whole (filtered) history as a JSON array; with either of them it is one page in "
                    + "the list envelope {items, page, size, totalItems, totalPages}, as for key results.")
    @APIResponse(responseCode = "200", description = "A JSON array of entries, or with page/size one page of them",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(oneOf = {ObjectiveHistoryView[].class, ObjectiveHistoryPage.class})))
    @APIResponse(responseCode = "400", description = "A malformed from, to, page or size, or to not after from",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such objective, or a PRIVATE one the caller may not see",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response history(
            @PathParam("id") UUID id,
            @Parameter(description = "Only changes at or after this instant", example = "2026-11-01T00:00:00Z")
            @QueryParam("from") Instant from,
            @Parameter(description = "Only changes before this instant", example = "2026-12-01T00:00:00Z")
            @QueryParam("to") Instant to,
            @Parameter(description = "Zero-based page index; page or size turns the answer into the list envelope")
            @QueryParam("page") @Min(value = 0, message = "must be 0 or more") Integer page,
            @Parameter(description = "Page size, 1 to 200 (default 20 when only page is given)")
            @QueryParam("size") @Min(value = 1, message = "must be between 1 and 200")
            @Max(value = PageRequest.MAX_SIZE, message = "must be between 1 and 200") Integer size) {
        if (page == null && size == null) {
            return Response.ok(objectives.history(id, from, to)).build();
        }
        PageRequest paging = new PageRequest(page == null ? 0 : page, size == null ? 20 : size);
        return Response.ok(objectives.history(id, from, to, paging)).build();
    }

    @PATCH
    @Path("{id}")
    @Consumes({MergePatcher.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.ADMIN, Roles.MEMBER})
    @Operation(operationId = "updateObjective", summary = "Change an objective",
            description = "JSON merge patch of title, description, level, ownerId, teamId, parentId, state, "
                    + "progressMode (null: the default), weight, visibility. `status` is derived and not writable (400; "
                    + "the lifecycle is `state` since v1.1). The objective and its parents (old and new) are recomputed.")
    @APIResponse(responseCode = "200", description = "Updated",
            content = @Content(schema = @Schema(implementation = ObjectiveView.class)))
    @APIResponse(responseCode = "403", description = "The caller is neither admin nor the objective's owner, creator "
            + "or a member of its team (the detail names the rule), or is a viewer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The cycle is CLOSED, or the new parent would make a loop",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "400", description = "Invalid values, a field that is not writable, or `status`",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown parentId",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ObjectiveView patch(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @RequestBody(content = {
                    @Content(mediaType = MergePatcher.MEDIA_TYPE, schema = @Schema(implementation = ObjectiveDtos.ObjectiveUpdate.class)),
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ObjectiveDtos.ObjectiveUpdate.class))})
            JsonNode patch) {
        return objectives.update(id, ifMatch, patch, request.describe());
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MEMBER})
    @Operation(operationId = "deleteObjective", summary = "Delete an objective and its key results",
            description = "Objectives aligned under it stay, moved to the top level (parentId null); its parent is "
                    + "recomputed without it.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", description = "The caller is neither admin nor the objective's owner, creator "
            + "or a member of its team (the detail names the rule), or is a viewer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The cycle is CLOSED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        objectives.delete(id, ifMatch, request.describe());
        return Response.noContent().build();
    }
}

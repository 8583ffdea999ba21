package org.okrpm.okr.keyresult;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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
import org.okrpm.kit.paging.PageRequest;
import org.okrpm.kit.paging.PageResponse;
import org.okrpm.kit.paging.Sorting;
import org.okrpm.kit.persistence.Criteria;
import org.okrpm.kit.problem.Problem;
import org.okrpm.kit.security.Roles;
import org.okrpm.okr.keyresult.KeyResultDtos.HistoryPage;
import org.okrpm.okr.keyresult.KeyResultDtos.HistoryView;
import org.okrpm.okr.keyresult.KeyResultDtos.KeyResultView;
import org.okrpm.okr.keyresult.KeyResultService.KeyResultFilter;
import org.okrpm.okr.pace.PaceStatus;
import org.okrpm.okr.pace.SeriesBuilder;
import org.okrpm.okr.pace.SeriesDtos.Series;
import org.okrpm.okr.pace.SeriesInterval;

@Path("/api/v1/key-results")
@Tag(name = "Key results", description = "Measurable outcomes of an objective, and their progress history")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class KeyResultResource {

    /** What {@code ?sort=} may name: the OpenAPI description and the check share this constant. */
    static final String SORT_FIELDS = "title, progress, confidence, createdAt, updatedAt";
    private static final Sorting SORTING = Sorting.fields(SORT_FIELDS, Criteria.oldestFirst());

    @Inject
    KeyResultService keyResults;

    @Inject
    CurrentRequest request;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MEMBER, Roles.VIEWER})
    @Operation(operationId = "listKeyResults",
            summary = "List key results",
            description = "Oldest first unless sorted; filters by objective, cycle, owner, status and title. The status "
                    + "is derived from the time, so it is filtered when read (every key result matching the other "
                    + "filters is looked at).")
    public PageResponse<KeyResultView> list(@QueryParam("objectiveId") UUID objectiveId,
                                            @QueryParam("cycleId") UUID cycleId,
                                            @Parameter(description = "Only key results this subject owns",
                                                    example = "alice")
                                            @QueryParam("ownerId") String ownerId,
                                            @Parameter(description = "Only key results with this status now")
                                            @QueryParam("status") PaceStatus status,
                                            @Parameter(description = "Only key results whose title contains this "
                                                    + "text, ignoring case")
                                            @QueryParam("q") String q,
                                            @Parameter(description = Sorting.DESCRIPTION + SORT_FIELDS)
                                            @QueryParam("sort") String sort,
                                            @Valid @BeanParam PageRequest page) {
        return keyResults.list(new KeyResultFilter(objectiveId, cycleId, ownerId, status, q), SORTING.parse(sort),
                page);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MEMBER, Roles.VIEWER})
    @Operation(operationId = "getKeyResult", summary = "Get a key result",
            description = "With `asOf`, the key result as it was at that instant: progress, currentValue and "
                    + "confidence from its history, expectedProgress, status and forecast as of then; every other "
                    + "field as it is now.")
    @APIResponse(responseCode = "200", description = "The key result (as of asOf)",
            content = @Content(schema = @Schema(implementation = KeyResultView.class)))
    @APIResponse(responseCode = "400", description = "A malformed asOf",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such key result, or it did not exist yet at asOf",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public KeyResultView get(@PathParam("id") UUID id,
                             @Parameter(description = "The instant to answer for; default now",
                                     example = "2026-11-02T09:00:00Z")
                             @QueryParam("asOf") Instant asOf) {
        return asOf == null ? keyResults.get(id) : keyResults.get(id, asOf);
    }

    @GET
    @Path("{id}/series")
    @RolesAllowed({Roles.ADMIN, Roles.MEMBER, Roles.VIEWER})
    @Operation(operationId = "getKeyResultSeries", summary = "The key result's progress over time, one point per day "
            + "or week", description = "From `from` to `to` (days, UTC, both included; default the cycle's start to "
            + "today or the due date, whichever is earlier), one point per bucket with the state at its end: the last "
            + "change carried forward (before the first: progress 0 at the start value), and the expected progress "
            + "then. At most " + SeriesBuilder.MAX_POINTS + " points.")
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
        return keyResults.series(id, from, to, interval);
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({Roles.ADMIN, Roles.MEMBER, Roles.VIEWER})
    @Operation(operationId = "getKeyResultHistory", summary = "Every change of the key result's progress, oldest first",
            description = "Each entry names its source (MANUAL, CHECKIN, TASKS) and the request or event that caused "
                    + "it. `from`/`to` keep the changes made in [from, to). Without `page` and `size` the answer is the "
                    + "whole (filtered) history as a JSON array, as it always was; with either of them it is one page "
                    + "in the list envelope {items, page, size, totalItems, totalPages}.")
    @APIResponse(responseCode = "200", description = "A JSON array of entries, or with page/size one page of them",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(oneOf = {HistoryView[].class, HistoryPage.class})))
    @APIResponse(responseCode = "400", description = "A malformed from, to, page or size, or to not after from",
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
            return Response.ok(keyResults.history(id, from, to)).build();
        }
        PageRequest paging = new PageRequest(page == null ? 0 : page, size == null ? 20 : size);
        return Response.ok(keyResults.history(id, from, to, paging)).build();
    }

    @PATCH
    @Path("{id}")
    @Consumes({MergePatcher.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.ADMIN, Roles.MEMBER})
    @Operation(operationId = "updateKeyResult", summary = "Change a key result",
            description = "JSON merge patch of title, ownerId, dueDate (null: the cycle's end date), metricType, unit, "
                    + "startValue, targetValue, currentValue (MANUAL only), weight, progressSource, confidence, score "
                    + "(RETROSPECTIVE only). Progress is recomputed; a change of progress, value or confidence is "
                    + "recorded in the history.")
    @APIResponse(responseCode = "200", description = "Updated",
            content = @Content(schema = @Schema(implementation = KeyResultView.class)))
    @APIResponse(responseCode = "403", description = "The caller is neither admin nor the objective's owner, creator "
            + "or a member of its team (the detail names the rule), or is a viewer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The cycle is CLOSED, or a score outside RETROSPECTIVE",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public KeyResultView patch(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @RequestBody(content = {
                    @Content(mediaType = MergePatcher.MEDIA_TYPE, schema = @Schema(implementation = KeyResultDtos.KeyResultUpdate.class)),
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KeyResultDtos.KeyResultUpdate.class))})
            JsonNode patch) {
        return keyResults.update(id, ifMatch, patch, request.describe());
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MEMBER})
    @Operation(operationId = "deleteKeyResult",
            summary = "Delete a key result", description = "Its objective's progress is recomputed.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", description = "The caller is neither admin nor the objective's owner, creator "
            + "or a member of its team (the detail names the rule), or is a viewer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The cycle is CLOSED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        keyResults.delete(id, ifMatch);
        return Response.noContent().build();
    }
}

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
            description = "Oldest first unless sorted; filters by objective, cycle and title.")
    public PageResponse<KeyResultView> list(@QueryParam("objectiveId") UUID objectiveId,
                                            @QueryParam("cycleId") UUID cycleId,
                                            @Parameter(description = "Only key results whose title contains this "
                                                    + "text, ignoring case")
                                            @QueryParam("q") String q,
                                            @Parameter(description = Sorting.DESCRIPTION + SORT_FIELDS)
                                            @QueryParam("sort") String sort,
                                            @Valid @BeanParam PageRequest page) {
        return keyResults.list(objectiveId, cycleId, q, SORTING.parse(sort), page);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MEMBER, Roles.VIEWER})
    @Operation(operationId = "getKeyResult", summary = "Get a key result")
    public KeyResultView get(@PathParam("id") UUID id) {
        return keyResults.get(id);
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
            description = "JSON merge patch of title, metricType, unit, startValue, targetValue, currentValue "
                    + "(MANUAL only), weight, progressSource, confidence, score (RETROSPECTIVE only). "
                    + "Progress is recomputed and the change recorded in the history.")
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

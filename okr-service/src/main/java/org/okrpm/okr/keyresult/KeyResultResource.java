package org.okrpm.okr.keyresult;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
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
            description = "Each entry names its source (MANUAL, CHECKIN, TASKS) and the request or event that caused it.")
    public List<HistoryView> history(@PathParam("id") UUID id) {
        return keyResults.history(id);
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
    @APIResponse(responseCode = "409", description = "The cycle is CLOSED, or a score outside RETROSPECTIVE",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public KeyResultView patch(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, JsonNode patch) {
        return keyResults.update(id, ifMatch, patch, request.describe());
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MEMBER})
    @Operation(operationId = "deleteKeyResult",
            summary = "Delete a key result", description = "Its objective's progress is recomputed.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "The cycle is CLOSED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        keyResults.delete(id, ifMatch);
        return Response.noContent().build();
    }
}

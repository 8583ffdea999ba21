package org.okrpm.checkin.review;

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
import org.okrpm.checkin.review.ReviewDtos.ReviewCreate;
import org.okrpm.checkin.review.ReviewDtos.ReviewUpdate;
import org.okrpm.checkin.review.ReviewDtos.ReviewView;
import org.okrpm.checkin.review.ReviewService.ReviewFilter;
import org.okrpm.kit.http.CurrentRequest;
import org.okrpm.kit.http.MergePatcher;
import org.okrpm.kit.idempotency.Idempotent;
import org.okrpm.kit.paging.PageRequest;
import org.okrpm.kit.paging.PageResponse;
import org.okrpm.kit.paging.Sorting;
import org.okrpm.kit.problem.Problem;
import org.okrpm.kit.security.Roles;

@Path("/api/v1/reviews")
@Tag(name = "Reviews", description = "Team reviews and one-on-ones")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Idempotent
public class ReviewResource {

    /** What {@code ?sort=} may name: the OpenAPI description and the check share this constant. */
    static final String SORT_FIELDS = "heldOn, createdAt";
    private static final Sorting SORTING = Sorting.fields(SORT_FIELDS, ReviewService.LATEST_FIRST);

    @Inject
    ReviewService reviews;

    @Inject
    CurrentRequest request;

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.MEMBER})
    @Operation(operationId = "createReview", summary = "Record a team review or a one-on-one",
            description = "A TEAM_REVIEW needs a teamId; a ONE_ON_ONE has exactly 2 different participants. "
                    + "Repeated participants or objectives count once. cycleId is optional; when given, the cycle "
                    + "must exist and every objective must be of it. createdBy is the caller.")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = ReviewView.class)))
    @APIResponse(responseCode = "422", description = "Unknown cycleId, or an objective in objectiveIds does not exist "
            + "or is not of cycleId",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull ReviewCreate body) {
        ReviewView created = reviews.create(body, request.userId());
        return Response.created(URI.create("/api/v1/reviews/" + created.id())).entity(created).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MEMBER, Roles.VIEWER})
    @Operation(operationId = "listReviews",
            summary = "List reviews", description = "The latest meeting (heldOn) first unless sorted. A ONE_ON_ONE's "
                    + "notes are null unless the caller is one of its participants or an admin.")
    public PageResponse<ReviewView> list(
            @QueryParam("teamId") String teamId,
            @Parameter(description = "Only reviews that discussed this objective")
            @QueryParam("objectiveId") UUID objectiveId,
            @Parameter(description = "Only reviews of this cycle") @QueryParam("cycleId") UUID cycleId,
            @Parameter(description = Sorting.DESCRIPTION + SORT_FIELDS) @QueryParam("sort") String sort,
            @Valid @BeanParam PageRequest page) {
        return reviews.list(new ReviewFilter(teamId, objectiveId, cycleId), SORTING.parse(sort), page);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MEMBER, Roles.VIEWER})
    @Operation(operationId = "getReview",
            summary = "Get a review", description = "The ETag header carries the version. A ONE_ON_ONE's notes are "
                    + "null unless the caller is one of its participants or an admin.")
    public ReviewView get(@PathParam("id") UUID id) {
        return reviews.get(id);
    }

    @PATCH
    @Path("{id}")
    @Consumes({MergePatcher.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.ADMIN, Roles.MEMBER})
    @Operation(operationId = "updateReview", summary = "Change a review",
            description = "JSON merge patch of cycleId, teamId, participants, objectiveIds, notes, heldOn (the type "
                    + "cannot change); the create rules apply to the result. Only its creator, a participant or an "
                    + "admin; a ONE_ON_ONE's notes only by its participants or an admin, and the answer shows them "
                    + "only to those.")
    @APIResponse(responseCode = "200", description = "Updated",
            content = @Content(schema = @Schema(implementation = ReviewView.class)))
    @APIResponse(responseCode = "403", description = "The caller is neither its creator, a participant nor an admin "
            + "(the detail names the rule), changes a ONE_ON_ONE's notes without being a participant, or is a viewer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown cycleId, or an objective in objectiveIds does not exist "
            + "or is not of cycleId",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReviewView patch(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @RequestBody(content = {
                    @Content(mediaType = MergePatcher.MEDIA_TYPE, schema = @Schema(implementation = ReviewUpdate.class)),
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReviewUpdate.class))})
            JsonNode patch) {
        return reviews.update(id, ifMatch, patch);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MEMBER})
    @Operation(operationId = "deleteReview", summary = "Delete a review",
            description = "Only its creator, a participant or an admin.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", description = "The caller is neither its creator, a participant nor an admin "
            + "(the detail names the rule), or is a viewer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        reviews.delete(id, ifMatch);
        return Response.noContent().build();
    }
}

package org.okrpm.checkin.review;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.okrpm.checkin.review.ReviewDtos.ReviewCreate;
import org.okrpm.checkin.review.ReviewDtos.ReviewView;
import org.okrpm.kit.http.CurrentRequest;
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
                    + "Repeated participants or objectives count once. createdBy is the caller.")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = ReviewView.class)))
    @APIResponse(responseCode = "422", description = "An objective in objectiveIds does not exist",
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
            @Parameter(description = Sorting.DESCRIPTION + SORT_FIELDS) @QueryParam("sort") String sort,
            @Valid @BeanParam PageRequest page) {
        return reviews.list(teamId, objectiveId, SORTING.parse(sort), page);
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
}

package org.okrpm.checkin.checkin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import org.okrpm.checkin.checkin.CheckInDtos.CheckInCreate;
import org.okrpm.checkin.checkin.CheckInDtos.CheckInView;
import org.okrpm.checkin.checkin.CheckInDtos.DueCheckIn;
import org.okrpm.checkin.checkin.CheckInService.CheckInFilter;
import org.okrpm.kit.http.CurrentRequest;
import org.okrpm.kit.idempotency.Idempotent;
import org.okrpm.kit.paging.PageRequest;
import org.okrpm.kit.paging.PageResponse;
import org.okrpm.kit.paging.Sorting;
import org.okrpm.kit.problem.Problem;
import org.okrpm.kit.security.Roles;

@Path("/api/v1/check-ins")
@Tag(name = "Check-ins", description = "Weekly check-ins on key results while their cycle is in EXECUTION")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Idempotent
public class CheckInResource {

    /** What {@code ?sort=} may name: the OpenAPI description and the check share this constant. */
    static final String SORT_FIELDS = "createdAt, confidence";
    private static final Sorting SORTING = Sorting.fields(SORT_FIELDS, CheckInService.NEWEST_FIRST);

    @Inject
    CheckInService checkIns;

    @Inject
    DueCheckInService dueCheckIns;

    @Inject
    CurrentRequest request;

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.MEMBER})
    @Operation(operationId = "recordCheckIn", summary = "Record a check-in",
            description = "authorId is the caller. value is required for a MANUAL key result and not allowed for a "
                    + "TASKS one (400); a TASKS check-in needs a confidence, a comment or blockers. Check-ins are "
                    + "immutable: there is no PATCH or DELETE.")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = CheckInView.class)))
    @APIResponse(responseCode = "409", description = "The key result's cycle is not in EXECUTION",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown key result (or its cycle is unknown)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response record(@Valid @NotNull CheckInCreate body) {
        CheckInView created = checkIns.record(body, request.userId());
        return Response.created(URI.create("/api/v1/check-ins/" + created.id())).entity(created).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MEMBER, Roles.VIEWER})
    @Operation(operationId = "listCheckIns", summary = "List check-ins",
            description = "Newest first unless sorted. `cycleId=…&latest=true` gives the newest check-in of every key "
                    + "result of a cycle in one call (what a cycle dashboard shows).")
    public PageResponse<CheckInView> list(
            @QueryParam("keyResultId") UUID keyResultId,
            @Parameter(description = "Only check-ins on key results of this cycle")
            @QueryParam("cycleId") UUID cycleId,
            @QueryParam("authorId") String authorId,
            @Parameter(description = "Only check-ins at or after this instant (2026-11-25T10:15:30Z) or date "
                    + "(2026-11-25, from the start of that day in UTC)", example = "2026-11-01")
            @QueryParam("since") String since,
            @Parameter(description = "true: only the newest check-in of each key result; the other filters then "
                    + "keep those of them that match (a key result whose newest check-in is by someone else has none "
                    + "with authorId). false or absent: every check-in")
            @QueryParam("latest") Boolean latest,
            @Parameter(description = Sorting.DESCRIPTION + SORT_FIELDS) @QueryParam("sort") String sort,
            @Valid @BeanParam PageRequest page) {
        return checkIns.list(new CheckInFilter(keyResultId, cycleId, authorId, Since.parse(since),
                Boolean.TRUE.equals(latest)), SORTING.parse(sort), page);
    }

    @GET
    @Path("due")
    @RolesAllowed({Roles.ADMIN, Roles.MEMBER, Roles.VIEWER})
    @Operation(operationId = "listDueCheckIns", summary = "Key results due a check-in",
            description = "The MANUAL key results in cycles in EXECUTION whose latest check-in is older than `days` "
                    + "× 24 h, or that never had one; most overdue first (never checked in, then the oldest). "
                    + "ownerId is the owner of the key result's objective.")
    public PageResponse<DueCheckIn> due(
            @Parameter(description = "Only key results whose objective this user owns")
            @QueryParam("ownerId") String ownerId,
            @QueryParam("cycleId") UUID cycleId,
            @Parameter(description = "1 to 365, default 7")
            @QueryParam("days") @DefaultValue("7")
            @Min(value = 1, message = "must be between 1 and 365")
            @Max(value = 365, message = "must be between 1 and 365") int days,
            @Valid @BeanParam PageRequest page) {
        return dueCheckIns.due(ownerId, cycleId, days, page);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MEMBER, Roles.VIEWER})
    @Operation(operationId = "getCheckIn",
            summary = "Get a check-in", description = "The ETag header carries the version.")
    public CheckInView get(@PathParam("id") UUID id) {
        return checkIns.get(id);
    }
}

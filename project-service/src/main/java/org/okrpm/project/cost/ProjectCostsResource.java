package org.okrpm.project.cost;

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
import org.okrpm.kit.http.CurrentRequest;
import org.okrpm.kit.idempotency.Idempotent;
import org.okrpm.kit.paging.PageRequest;
import org.okrpm.kit.paging.PageResponse;
import org.okrpm.kit.paging.Sorting;
import org.okrpm.kit.problem.Problem;
import org.okrpm.kit.security.Roles;
import org.okrpm.project.cost.CostDtos.CostCreate;
import org.okrpm.project.cost.CostDtos.CostView;

@Path("/api/v1/projects/{projectId}/costs")
@Tag(name = "Costs", description = "A project's cost ledger; actualCost is the sum of its entries")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Idempotent
public class ProjectCostsResource {

    /** What {@code ?sort=} may name: the OpenAPI description and the check share this constant. */
    static final String SORT_FIELDS = "incurredOn, amount, createdAt";
    private static final Sorting SORTING = Sorting.fields(SORT_FIELDS, CostService.BY_DAY);

    @Inject
    CostService costs;

    @Inject
    CurrentRequest request;

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.MEMBER})
    @Operation(operationId = "recordProjectCost",
            summary = "Record a cost", description = "Adds to the project's actualCost. amount > 0. currency "
            + "defaults to the budget's; another currency than the budget's (or, without a budget, than the "
            + "earlier costs') is 400, and without either the currency must be given (400).")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = CostView.class)))
    @APIResponse(responseCode = "409", description = "The project is CLOSED or CANCELLED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response record(@PathParam("projectId") UUID projectId, @Valid @NotNull CostCreate body) {
        CostView created = costs.record(projectId, body, request.userId());
        return Response.created(URI.create("/api/v1/projects/" + projectId + "/costs/" + created.id()))
                .entity(created).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MEMBER, Roles.VIEWER})
    @Operation(operationId = "listProjectCosts",
            summary = "List a project's costs",
            description = "By incurredOn, then recording order, unless sorted.")
    public PageResponse<CostView> list(@PathParam("projectId") UUID projectId,
            @Parameter(description = Sorting.DESCRIPTION + SORT_FIELDS) @QueryParam("sort") String sort,
            @Valid @BeanParam PageRequest page) {
        return costs.list(projectId, SORTING.parse(sort), page);
    }

    @GET
    @Path("{costId}")
    @RolesAllowed({Roles.ADMIN, Roles.MEMBER, Roles.VIEWER})
    @Operation(operationId = "getProjectCost", summary = "Get a cost entry")
    public CostView get(@PathParam("projectId") UUID projectId, @PathParam("costId") UUID costId) {
        return costs.get(projectId, costId);
    }
}

package org.okrpm.project.integration;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.okrpm.kit.persistence.Criteria;
import org.okrpm.kit.problem.Problem;
import org.okrpm.kit.problem.ProblemException;
import org.okrpm.kit.security.Roles;
import org.okrpm.project.integration.IntegrationDtos.DeliveryView;
import org.okrpm.project.integration.IntegrationDtos.IntegrationCreate;
import org.okrpm.project.integration.IntegrationDtos.IntegrationView;
import org.okrpm.project.integration.IntegrationService.IntegrationFilter;

/** Integrations: admins wire them up; admins and integrators read them and their delivery logs. */
@Path("/api/v1/integrations")
@Tag(name = "Integrations", description = "External PM tools (GitHub, Jira, the generic form) feeding tasks into a "
        + "project through their own signed webhooks; see docs/integrations.md")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Idempotent
public class IntegrationResource {

    /** What {@code ?sort=} may name: the OpenAPI description and the check share this constant. */
    static final String SORT_FIELDS = "createdAt, updatedAt";
    private static final Sorting SORTING = Sorting.fields(SORT_FIELDS, Criteria.oldestFirst());

    @Inject
    IntegrationService integrations;

    @Inject
    CurrentRequest request;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createIntegration", summary = "Bind an external project to a project",
            description = "source github (externalProject owner/repo), jira (externalProject the project key) or "
                    + "generic (externalProject optional). The secret is the one configured in the tool's webhook; "
                    + "it is stored encrypted and never returned. Issues of the external project become tasks of "
                    + "projectId, linked to defaultKeyResultId. Point the tool at eventsPath.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = IntegrationView.class)))
    @APIResponse(responseCode = "409", description = "The project is CLOSED or CANCELLED, or already has an "
            + "integration of this source for this external project",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "projectId or defaultKeyResultId that does not exist",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "No encryption key for secrets is configured on this server",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull IntegrationCreate body) {
        IntegrationView created = integrations.create(body, request.userId());
        return Response.created(URI.create("/api/v1/integrations/" + created.id())).entity(created).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.INTEGRATOR})
    @Operation(operationId = "listIntegrations",
            summary = "List integrations",
            description = "Oldest first unless sorted; filters by project and source.")
    public PageResponse<IntegrationView> list(
            @QueryParam("projectId") UUID projectId,
            @Parameter(description = "github, jira or generic") @QueryParam("source") String source,
            @Parameter(description = Sorting.DESCRIPTION + SORT_FIELDS) @QueryParam("sort") String sort,
            @Valid @BeanParam PageRequest page) {
        IntegrationSource parsed = source == null ? null : IntegrationSource.fromWire(source)
                .orElseThrow(() -> ProblemException.invalid("source", "must be one of github, jira, generic"));
        return integrations.list(new IntegrationFilter(projectId, parsed), SORTING.parse(sort), page);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.INTEGRATOR})
    @Operation(operationId = "getIntegration",
            summary = "Get an integration", description = "Without its secret; the ETag carries the version.")
    public IntegrationView get(@PathParam("id") UUID id) {
        return integrations.get(id);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "deleteIntegration", summary = "Delete an integration",
            description = "Its webhooks are refused (404) from then on and its delivery log goes with it. The tasks "
                    + "it made stay, keeping externalSource and externalId.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        integrations.delete(id, ifMatch);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/deliveries")
    @RolesAllowed({Roles.ADMIN, Roles.INTEGRATOR})
    @Operation(operationId = "listIntegrationDeliveries", summary = "The integration's delivery log, newest first",
            description = "Every correctly signed delivery of the last 200 (configurable) with its outcome: "
                    + "APPLIED, DUPLICATE (same delivery id as before), STALE (older than the newest event applied "
                    + "for the item), IGNORED, REJECTED (malformed, or another repository/project) or FAILED "
                    + "(e.g. the project is closed). Deliveries with a bad or missing signature are not kept. "
                    + "Filters combine with AND; an unknown parameter is a 400.")
    public PageResponse<DeliveryView> deliveries(
            @PathParam("id") UUID id,
            @Parameter(description = "The tool's own delivery id, exactly as it sent it (X-GitHub-Delivery, "
                    + "X-Atlassian-Webhook-Identifier, X-Delivery-Id), or sha256:<hex> of the body when it sent none: "
                    + "every record of that delivery, redeliveries included")
            @QueryParam("deliveryId") @Size(min = 1, max = 200) String deliveryId,
            @Parameter(description = "Only deliveries with this outcome")
            @QueryParam("outcome") DeliveryOutcome outcome,
            @Parameter(description = "Only deliveries about this item of the tool (e.g. octo-org/octo-repo#42)")
            @QueryParam("externalId") @Size(min = 1, max = 200) String externalId,
            @Valid @BeanParam PageRequest page) {
        return integrations.deliveries(id, new DeliveryLog.Filter(deliveryId, outcome, externalId), page);
    }

    @GET
    @Path("{id}/deliveries/{deliveryId}")
    @RolesAllowed({Roles.ADMIN, Roles.INTEGRATOR})
    @Operation(operationId = "getIntegrationDelivery",
            summary = "One delivery of the log, with the raw body as received")
    public DeliveryView delivery(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        return integrations.delivery(id, deliveryId);
    }
}

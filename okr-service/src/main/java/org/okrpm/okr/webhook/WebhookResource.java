package org.okrpm.okr.webhook;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import org.okrpm.kit.security.Roles;
import org.okrpm.okr.webhook.WebhookDtos.DeliveryView;
import org.okrpm.okr.webhook.WebhookDtos.WebhookCreate;
import org.okrpm.okr.webhook.WebhookDtos.WebhookView;

/**
 * Outgoing webhooks. Admins and members manage them (they are integration configuration, and a URL may
 * itself carry a token): viewers and integrators get 403, reads included.
 */
@Path("/api/v1/webhooks")
@Tag(name = "Webhooks", description = "Signed, retried CloudEvents sent to your URL when OKRs change")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Idempotent
public class WebhookResource {

    /** What {@code ?sort=} may name: the OpenAPI description and the check share this constant. */
    static final String SORT_FIELDS = "url, createdAt, updatedAt";
    private static final Sorting SORTING = Sorting.fields(SORT_FIELDS, Criteria.oldestFirst());

    @Inject
    WebhookService webhooks;

    @Inject
    CurrentRequest request;

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.MEMBER})
    @Operation(operationId = "createWebhook", summary = "Subscribe a URL to event types",
            description = "Each matching event is POSTed as a structured CloudEvent (application/cloudevents+json) "
                    + "signed with X-Signature-256: sha256=<hex HMAC-SHA256 of the body with the secret>, retried "
                    + "with exponential backoff, in order per subject. The secret is never returned.")
    @APIResponse(responseCode = "201", description = "Subscribed",
            content = @Content(schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "409", description = "A webhook for this URL exists",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The URL resolves to an address webhooks may not reach "
            + "(loopback, link-local, private) in this deployment",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "No encryption key for webhook secrets is configured",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull WebhookCreate body) {
        WebhookView created = webhooks.create(body, request.userId());
        return Response.created(URI.create("/api/v1/webhooks/" + created.id())).entity(created).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MEMBER})
    @Operation(operationId = "listWebhooks",
            summary = "List webhooks", description = "Oldest first unless sorted, optionally filtered by status.")
    public PageResponse<WebhookView> list(@QueryParam("status") WebhookStatus status,
                                          @Parameter(description = Sorting.DESCRIPTION + SORT_FIELDS)
                                          @QueryParam("sort") String sort,
                                          @Valid @BeanParam PageRequest page) {
        return webhooks.list(status, SORTING.parse(sort), page);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MEMBER})
    @Operation(operationId = "getWebhook",
            summary = "Get a webhook", description = "Its status shows whether it was PAUSED for failing too long.")
    public WebhookView get(@PathParam("id") UUID id) {
        return webhooks.get(id);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MEMBER})
    @Operation(operationId = "deleteWebhook",
            summary = "Delete a webhook", description = "Its pending deliveries and its delivery log go with it.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        webhooks.delete(id, ifMatch);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/resume")
    @RolesAllowed({Roles.ADMIN, Roles.MEMBER})
    @Operation(operationId = "resumeWebhook", summary = "Resume a paused webhook",
            description = "ACTIVE again; the deliveries kept while it was paused are sent now, in order. "
                    + "Resuming an active webhook changes nothing.")
    @APIResponse(responseCode = "200", description = "The webhook, ACTIVE",
            content = @Content(schema = @Schema(implementation = WebhookView.class)))
    public WebhookView resume(@PathParam("id") UUID id) {
        return webhooks.resume(id);
    }

    @GET
    @Path("{id}/deliveries")
    @RolesAllowed({Roles.ADMIN, Roles.MEMBER})
    @Operation(operationId = "listWebhookDeliveries", summary = "The delivery log, newest first",
            description = "Each delivery with its status and every attempt (time, status code, duration, error "
                    + "class). The receiver's response body is never recorded.")
    public PageResponse<DeliveryView> deliveries(@PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
        return webhooks.deliveries(id, page);
    }
}

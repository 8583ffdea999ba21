package org.okrpm.project.integration;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.okrpm.kit.problem.Problem;
import org.okrpm.project.integration.IntegrationDtos.ReceiptView;

/**
 * The webhook receiver. External tools cannot send our tokens, so it takes none ({@code @PermitAll}): the
 * tool's HMAC signature with the integration's secret is the authentication, checked before anything else.
 */
@Path("/api/v1/integrations/{id}/events")
@Tag(name = "Integrations")
public class IntegrationEventsResource {

    @Inject
    IntegrationReceiver receiver;

    @POST
    @PermitAll
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "receiveIntegrationEvent",
            summary = "Receive an external tool's webhook (no token: signed with the integration's secret)",
            description = "github: the issues event as GitHub sends it (X-GitHub-Event, X-GitHub-Delivery, "
                    + "X-Hub-Signature-256); jira: jira:issue_created/updated/deleted as Jira sends it "
                    + "(X-Atlassian-Webhook-Identifier; signed X-Hub-Signature or X-Signature-256); generic: "
                    + "{\"id\", \"action\": \"created|updated|closed|reopened|deleted\", \"title\", \"description\", "
                    + "\"status\", \"updatedAt\", \"project\"} with X-Delivery-Id, X-Signature-Timestamp (Unix "
                    + "seconds, within 5 minutes of the server's time) and X-Signature-256 = sha256=<hex HMAC-SHA256 of "
                    + "<timestamp>.<raw body>>. GitHub and Jira signatures are sha256=<hex HMAC-SHA256 of the raw body>. "
                    + "Each external item is one task; a delivery id seen before, a signed event applied before under "
                    + "another delivery id, and an event older than the newest applied for its item change nothing "
                    + "(200 DUPLICATE or STALE).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(description = "The tool's own payload", type = org.eclipse.microprofile.openapi
                    .annotations.enums.SchemaType.OBJECT),
            example = "{\"action\": \"opened\", \"issue\": {\"number\": 42, \"title\": \"Fix the login\", "
                    + "\"state\": \"open\"}, \"repository\": {\"full_name\": \"octo-org/octo-repo\"}}"))
    @Parameter(name = WebhookRequest.GITHUB_SIGNATURE, in = ParameterIn.HEADER,
            description = "github: sha256=<hex HMAC-SHA256 of the body>")
    @Parameter(name = WebhookRequest.JIRA_SIGNATURE, in = ParameterIn.HEADER,
            description = "jira: sha256=<hex HMAC-SHA256 of the body> (Jira admin webhook with a secret)")
    @Parameter(name = WebhookRequest.GENERIC_SIGNATURE, in = ParameterIn.HEADER,
            description = "generic: sha256=<hex HMAC-SHA256 of <X-Signature-Timestamp>.<body>>; "
                    + "jira: sha256=<hex HMAC-SHA256 of the body>")
    @Parameter(name = WebhookRequest.GENERIC_TIMESTAMP, in = ParameterIn.HEADER,
            description = "generic: Unix time in seconds when this attempt was signed; more than 5 minutes off is 401")
    @Parameter(name = WebhookRequest.GENERIC_DELIVERY, in = ParameterIn.HEADER,
            description = "generic: the delivery id, the same on every redelivery")
    @APIResponse(responseCode = "200", description = "Handled: APPLIED, DUPLICATE, STALE or IGNORED",
            content = @Content(schema = @Schema(implementation = ReceiptView.class)))
    @APIResponse(responseCode = "401", description = "Missing or invalid signature, or (generic) a signed timestamp "
            + "outside the tolerance window; nothing is kept",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such integration",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The project is CLOSED or CANCELLED (logged as FAILED)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "An event of another repository or project (logged as REJECTED)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReceiptView receive(@PathParam("id") UUID id, @Context HttpHeaders headers, byte[] body) {
        return receiver.receive(id, new WebhookRequest(headers::getHeaderString, body == null ? new byte[0] : body),
                headers.getHeaderString(HttpHeaders.CONTENT_TYPE));
    }
}

package org.okrpm.project.integration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.okrpm.kit.http.Versioned;

/** The integration's representations on the wire. The secret goes in and never comes out. */
public final class IntegrationDtos {

    private IntegrationDtos() {
    }

    @Schema(name = "IntegrationCreate")
    public record IntegrationCreate(
            @Schema(example = "github", enumeration = {"github", "jira", "generic"})
            @NotNull @Pattern(regexp = "github|jira|generic", message = "must be one of github, jira, generic")
            String source,
            @Schema(description = "The project that receives the tasks; must exist (422) and be open (409)")
            @NotNull UUID projectId,
            @Schema(example = "a-long-random-string-from-your-vault",
                    description = "The webhook secret configured in the tool, 16 to 256 characters; stored "
                            + "encrypted and never returned", writeOnly = true)
            @NotBlank @Size(min = 16, max = 256, message = "must be 16 to 256 characters") String secret,
            @Schema(example = "octo-org/octo-repo",
                    description = "github: owner/repository (required); jira: the project key, e.g. OPS "
                            + "(required); generic: optional, then events naming another project are refused")
            @Size(max = 200) String externalProject,
            @Schema(description = "The key result the created tasks move; must exist (422)")
            UUID defaultKeyResultId) {
    }

    @Schema(name = "Integration")
    public record IntegrationView(
            UUID id,
            @Schema(example = "github", enumeration = {"github", "jira", "generic"}) String source,
            UUID projectId,
            @Schema(nullable = true, example = "octo-org/octo-repo") String externalProject,
            @Schema(nullable = true) UUID defaultKeyResultId,
            @Schema(example = "/api/v1/integrations/7f1c…/events",
                    description = "The path the tool posts its webhooks to (behind the gateway's address)")
            String eventsPath,
            @Schema(example = "X-Hub-Signature-256", description = "The header carrying sha256=<hex HMAC of the body>")
            String signatureHeader,
            @Schema(nullable = true) String createdBy,
            Instant createdAt,
            Instant updatedAt,
            long version) implements Versioned {

        static IntegrationView of(Integration i) {
            return new IntegrationView(i.id, i.source.wireName(), i.projectId, i.externalProject,
                    i.defaultKeyResultId, "/api/v1/integrations/" + i.id + "/events",
                    WebhookRequest.signatureHeader(i.source), i.createdBy, i.createdAt, i.updatedAt, i.version);
        }
    }

    @Schema(name = "IntegrationDelivery", description = "One correctly signed delivery and what became of it")
    public record DeliveryView(
            UUID id,
            @Schema(description = "The tool's delivery id (X-GitHub-Delivery, X-Atlassian-Webhook-Identifier, "
                    + "X-Delivery-Id), or sha256:<hex> of the body when it sent none") String deliveryId,
            @Schema(nullable = true, example = "issues.closed") String event,
            @Schema(nullable = true, example = "octo-org/octo-repo#42") String externalId,
            @Schema(example = "APPLIED") DeliveryOutcome outcome,
            @Schema(nullable = true, example = "task completed") String detail,
            @Schema(nullable = true) UUID taskId,
            Instant receivedAt,
            @Schema(nullable = true, description = "Only in GET …/deliveries/{deliveryId}: the raw body as received (cut at "
                    + "64 KiB, see payloadTruncated); null in lists") String payload,
            boolean payloadTruncated) {

        static DeliveryView of(IntegrationDelivery d, boolean withPayload) {
            return new DeliveryView(d.id, d.deliveryId, d.event, d.externalId, d.outcome, d.detail, d.taskId,
                    d.receivedAt, withPayload ? d.payload : null, d.payloadTruncated);
        }
    }

    @Schema(name = "IntegrationReceipt", description = "What the receiver did with a delivery")
    public record ReceiptView(
            String deliveryId,
            @Schema(nullable = true, example = "issues.opened") String event,
            @Schema(nullable = true, example = "octo-org/octo-repo#42") String externalId,
            @Schema(example = "APPLIED") DeliveryOutcome outcome,
            @Schema(nullable = true, example = "task created") String detail,
            @Schema(nullable = true) UUID taskId) {
    }
}

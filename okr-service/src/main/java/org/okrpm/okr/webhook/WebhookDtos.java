package org.okrpm.okr.webhook;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.okrpm.kit.http.Versioned;

/** The webhook's representations on the wire; the secret goes in and never comes out. */
public final class WebhookDtos {

    private WebhookDtos() {
    }

    @Schema(name = "WebhookCreate")
    public record WebhookCreate(
            @Schema(example = "https://hooks.example.com/okr", description = "Absolute http or https URL")
            @NotBlank @Size(max = 2000) String url,
            @Schema(example = "[\"key-result.progress-changed\", \"cycle.phase-changed\"]",
                    description = "Event types without their service prefix (okr., checkin., project.): "
                            + "every type of the live stream")
            @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 100) String> events,
            @Schema(description = "Shared secret for the X-Signature-256 HMAC; stored encrypted, never returned",
                    example = "a-long-random-string-from-your-vault")
            @NotBlank @Size(min = 16, max = 256) String secret,
            @Schema(description = "Only events of this cycle: the cycle, its objectives, key results and check-ins")
            UUID cycleId,
            @Schema(description = "Only events of this objective: the objective, its key results and check-ins")
            UUID objectiveId,
            @Schema(description = "Only events of this project: the project and its tasks")
            UUID projectId) {
    }

    @Schema(name = "Webhook")
    public record WebhookView(
            UUID id,
            String url,
            List<String> events,
            @Schema(description = "ACTIVE, or PAUSED after failing for too long (resume with POST .../resume)")
            WebhookStatus status,
            @Schema(nullable = true) String createdBy,
            @Schema(nullable = true, description = "First failed attempt since the last success; null while deliveries succeed")
            Instant failingSince,
            @Schema(nullable = true, description = "When it was paused; null while ACTIVE") Instant pausedAt,
            @Schema(nullable = true, description = "The scope (null: any cycle)") UUID cycleId,
            @Schema(nullable = true, description = "The scope (null: any objective)") UUID objectiveId,
            @Schema(nullable = true, description = "The scope (null: any project)") UUID projectId,
            Instant createdAt,
            Instant updatedAt,
            long version) implements Versioned {

        static WebhookView of(WebhookSubscription s) {
            return new WebhookView(s.id, s.url, s.events(), s.status, s.createdBy, s.failingSince, s.pausedAt,
                    s.cycleId, s.objectiveId, s.projectId, s.createdAt, s.updatedAt, s.version);
        }
    }

    @Schema(name = "WebhookDelivery")
    public record DeliveryView(
            @Schema(description = "The CloudEvents id, also sent as X-Webhook-Id") String eventId,
            @Schema(example = "okr.key-result.progress-changed") String type,
            @Schema(description = "The aggregate id (cycle, objective, key result, project or task; the key "
                    + "result for a check-in)") String subject,
            DeliveryStatus status,
            int attemptCount,
            Instant createdAt,
            @Schema(nullable = true, description = "Null once delivered or given up") Instant nextAttemptAt,
            @Schema(nullable = true, description = "Null until delivered") Instant deliveredAt,
            @Schema(description = "Oldest first") List<AttemptView> attempts) {
    }

    @Schema(name = "WebhookAttempt")
    public record AttemptView(
            Instant at,
            @Schema(nullable = true, description = "The receiver's HTTP status; null when it did not answer") Integer statusCode,
            long durationMs,
            @Schema(nullable = true, example = "connection refused", description = "Why no answer came: connection "
                    + "refused, timeout, unknown host, TLS error, I/O error, destination not allowed; null when it "
                    + "answered") String error) {

        static AttemptView of(WebhookAttempt a) {
            return new AttemptView(a.attemptedAt, a.statusCode, a.durationMs, a.error);
        }
    }
}

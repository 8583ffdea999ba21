package org.okrpm.okr.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.okrpm.kit.persistence.AuditedEntity;

/** A URL subscribed to event types, with its secret encrypted (see {@link WebhookSecrets}). */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription extends AuditedEntity {

    @Id
    public UUID id;

    @Column(nullable = false, length = 2000)
    public String url;

    /** Comma-separated event names, e.g. {@code key-result.progress-changed,cycle.phase-changed}. */
    @Column(name = "event_types", nullable = false, length = 1000)
    public String eventTypes;

    /** AES-GCM ciphertext of the signing secret; never the plain secret. */
    @Column(name = "secret", nullable = false, length = 1000)
    public String encryptedSecret;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public WebhookStatus status;

    @Column(name = "created_by", length = 100)
    public String createdBy;

    /** The first failed attempt since the last successful one; null while deliveries succeed. */
    @Column(name = "failing_since")
    public Instant failingSince;

    @Column(name = "paused_at")
    public Instant pausedAt;

    /** The scope: only events of this cycle, objective, project (see {@link EventScope}); null: any. */
    @Column(name = "cycle_id")
    public UUID cycleId;

    @Column(name = "objective_id")
    public UUID objectiveId;

    @Column(name = "project_id")
    public UUID projectId;

    public List<String> events() {
        return Arrays.stream(eventTypes.split(",")).filter(s -> !s.isBlank()).toList();
    }

    public boolean wants(String eventName) {
        return events().contains(eventName);
    }
}

package org.okrpm.okr.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One event for one subscription: the exact body to send (so every retry signs the same bytes) and its state. */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends PanacheEntityBase {

    /** Insertion order = event order per subject (one Kafka partition per subject): deliveries go out in it. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "subscription_id", nullable = false)
    public UUID subscriptionId;

    /** The CloudEvents id; receivers deduplicate on it (it is also the X-Webhook-Id header). */
    @Column(name = "event_id", nullable = false, length = 200)
    public String eventId;

    @Column(name = "event_type", nullable = false, length = 200)
    public String eventType;

    @Column(nullable = false, length = 200)
    public String subject;

    /** The CloudEvents structured-mode JSON, exactly as signed and sent. */
    @Column(nullable = false)
    public String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public DeliveryStatus status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    /** While set and in the future, a dispatcher is sending it; after a crash it simply expires. */
    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "first_attempt_at")
    public Instant firstAttemptAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;
}

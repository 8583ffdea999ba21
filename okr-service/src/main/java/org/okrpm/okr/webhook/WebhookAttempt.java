package org.okrpm.okr.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One try of a delivery: only the status code, the duration and an error class, never the receiver's body. */
@Entity
@Table(name = "webhook_attempt")
public class WebhookAttempt extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "delivery_id", nullable = false)
    public Long deliveryId;

    @Column(name = "attempted_at", nullable = false)
    public Instant attemptedAt;

    /** The HTTP status, null when no response came. */
    @Column(name = "status_code")
    public Integer statusCode;

    @Column(name = "duration_ms", nullable = false)
    public long durationMs;

    /** E.g. {@code connection refused}, {@code timeout}; null when a response came. */
    @Column(length = 200)
    public String error;
}

package org.okrpm.project.integration;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One correctly signed delivery and what became of it; the last few hundred per integration are kept. */
@Entity
@Table(name = "integration_delivery")
public class IntegrationDelivery extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "integration_id", nullable = false)
    public UUID integrationId;

    /** The tool's delivery id (X-GitHub-Delivery, X-Atlassian-Webhook-Identifier, X-Delivery-Id) or a body hash. */
    @Column(name = "delivery_id", nullable = false, length = 200)
    public String deliveryId;

    @Column(length = 100)
    public String event;

    @Column(name = "external_id", length = 200)
    public String externalId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public DeliveryOutcome outcome;

    @Column(length = 500)
    public String detail;

    @Column(name = "task_id")
    public UUID taskId;

    public String payload;

    @Column(name = "payload_truncated", nullable = false)
    public boolean payloadTruncated;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
}

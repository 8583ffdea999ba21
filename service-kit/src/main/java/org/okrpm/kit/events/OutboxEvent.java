package org.okrpm.kit.events;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An event waiting in the outbox (sentAt null) or already published. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    /** W3C lets a hop drop a longer tracestate; 512 characters is what it asks every hop to keep. */
    static final int TRACESTATE_LENGTH = 512;

    /** Insertion order: the relay publishes in this order, so one aggregate's events stay in order. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The CloudEvents {@code ce_id}. */
    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(nullable = false, length = 200)
    public String topic;

    /** The record key and {@code ce_subject}: the aggregate id. */
    @Column(name = "event_key", nullable = false, length = 200)
    public String eventKey;

    @Column(name = "event_type", nullable = false, length = 200)
    public String eventType;

    @Column(nullable = false)
    public String payload;

    @Column(name = "request_id", length = 128)
    public String requestId;

    /** W3C trace context of the change that wrote the event, when tracing is on (docs/events.md, 'Trace context'). */
    @Column(length = 55)
    public String traceparent;

    @Column(length = TRACESTATE_LENGTH)
    public String tracestate;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;
}

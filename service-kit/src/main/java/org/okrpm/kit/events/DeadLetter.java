package org.okrpm.kit.events;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.okrpm.kit.envelope.IncomingEvent;

/** A record a consumer could never apply, kept whole so an admin can look at it and re-drive it. */
@Entity
@Table(name = "dead_letter")
public class DeadLetter extends PanacheEntityBase {

    public enum Status {
        /** Waiting for an admin. */
        OPEN,
        /** Applied after all by a re-drive. */
        REDRIVEN,
        /** Dropped by an admin. */
        DISCARDED
    }

    @Id
    public UUID id;

    @Column(name = "consumer_group", nullable = false, length = 200)
    public String consumerGroup;

    @Column(nullable = false, length = 200)
    public String channel;

    @Column(nullable = false, length = 200)
    public String topic;

    @Column(name = "kafka_partition", nullable = false)
    public int partition;

    @Column(name = "kafka_offset", nullable = false)
    public long offset;

    @Column(name = "event_id", nullable = false, length = 200)
    public String eventId;

    @Column(name = "event_type", length = 200)
    public String eventType;

    @Column(length = 200)
    public String subject;

    @Column(name = "event_time")
    public Instant eventTime;

    @Column(name = "request_id", length = 128)
    public String requestId;

    public String payload;

    @Column(nullable = false, length = 2000)
    public String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public Status status;

    /** Re-drives tried so far. */
    @Column(nullable = false)
    public int redrives;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    /** The event as its consumer read it. */
    public IncomingEvent event() {
        return new IncomingEvent(eventId, eventType, subject, topic, payload, eventTime, requestId);
    }
}

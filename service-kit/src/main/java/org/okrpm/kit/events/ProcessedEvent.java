package org.okrpm.kit.events;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An event id this service has already applied. */
@Entity
@Table(name = "processed_event")
public class ProcessedEvent extends PanacheEntityBase {

    @Id
    @Column(name = "event_id", length = 200)
    public String eventId;

    @Column(nullable = false, length = 200)
    public String topic;

    @Column(name = "processed_at", nullable = false)
    public Instant processedAt;
}

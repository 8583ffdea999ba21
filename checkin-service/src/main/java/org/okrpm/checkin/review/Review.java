package org.okrpm.checkin.review;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.CreationTimestamp;

/** The record of a team review or a one-on-one: who met, about which objectives, what was said. */
@Entity
@Table(name = "review")
public class Review extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public ReviewType type;

    /** The cycle the meeting belongs to; null for reviews recorded without one. */
    @Column(name = "cycle_id")
    public UUID cycleId;

    @Column(name = "team_id", length = 100)
    public String teamId;

    @ElementCollection
    @BatchSize(size = 50)
    @CollectionTable(name = "review_participant", joinColumns = @JoinColumn(name = "review_id"))
    @OrderColumn(name = "idx")
    @Column(name = "participant_id", nullable = false, length = 100)
    public List<String> participants = new ArrayList<>();

    @ElementCollection
    @BatchSize(size = 50)
    @CollectionTable(name = "review_objective", joinColumns = @JoinColumn(name = "review_id"))
    @OrderColumn(name = "idx")
    @Column(name = "objective_id", nullable = false)
    public List<UUID> objectiveIds = new ArrayList<>();

    @Column(length = 10000)
    public String notes;

    @Column(name = "held_on", nullable = false)
    public LocalDate heldOn;

    @Column(name = "created_by", nullable = false, length = 100)
    public String createdBy;

    @CreationTimestamp
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Version
    public long version;
}

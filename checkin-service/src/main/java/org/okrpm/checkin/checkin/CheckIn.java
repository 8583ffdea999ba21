package org.okrpm.checkin.checkin;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A key result's value and its owner's confidence at one moment. Immutable once recorded. */
@Entity
@Table(name = "check_in")
public class CheckIn extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "key_result_id", nullable = false)
    public UUID keyResultId;

    /** The key result's new current value; null for a TASKS key result, whose value follows its tasks. */
    @Column(name = "check_in_value", precision = 19, scale = 4)
    public BigDecimal value;

    /** Confidence of reaching the target, 0..1; null when not given. */
    public Double confidence;

    @Column(length = 4000)
    public String comment;

    @Column(length = 4000)
    public String blockers;

    @Column(name = "author_id", nullable = false, length = 100)
    public String authorId;

    /** Set by the service (not by Hibernate), so tests can seed check-ins in the past. */
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Version
    public long version;
}

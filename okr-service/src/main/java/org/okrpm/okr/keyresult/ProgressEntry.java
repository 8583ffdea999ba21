package org.okrpm.okr.keyresult;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One change of a key result's progress or confidence, with what caused it: the key result's history. */
@Entity
@Table(name = "key_result_progress")
public class ProgressEntry extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "key_result_id", nullable = false)
    public UUID keyResultId;

    @Column(name = "at", nullable = false)
    public Instant at;

    @Column(nullable = false)
    public double progress;

    @Column(name = "current_value", precision = 19, scale = 4)
    public BigDecimal currentValue;

    /** The key result's latest confidence after the change; null if none was given (or before it was recorded). */
    public Double confidence;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public HistorySource source;

    @Column(nullable = false, length = 300)
    public String cause;
}

package org.okrpm.project.keyresult;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * What project-service knows of one of okr-service's key results: enough to check references to it. The
 * row is written from okr.key-results events (applied only when their version is newer); a deleted key
 * result stays as a tombstone so a late, older event cannot bring it back.
 */
@Entity
@Table(name = "key_result_replica")
public class KeyResultReplica extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "objective_id")
    public UUID objectiveId;

    @Column(name = "cycle_id")
    public UUID cycleId;

    @Column(name = "progress_source", length = 10)
    public String progressSource;

    /** The key result's version in okr-service, not a local optimistic-lock version. */
    @Column(nullable = false)
    public long version;

    @Column(nullable = false)
    public boolean deleted;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}

package org.okrpm.project.integration;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;

/**
 * An external item (issue) an integration has heard of: the task made for it, the state the tool last
 * reported, the time of the newest event applied, against which later events are judged stale, and the
 * digests of the last {@value #DIGESTS_KEPT} events applied, so that one of them sent again under a new
 * delivery id (a replay: the tools do not sign their delivery ids) is recognised even when its time equals
 * the newest. A deleted item stays as a tombstone so that a late event cannot bring its task back.
 */
@Entity
@Table(name = "integration_item")
public class IntegrationItem extends PanacheEntityBase {

    static final int DIGESTS_KEPT = 20;

    @Id
    public UUID id;

    @Column(name = "integration_id", nullable = false)
    public UUID integrationId;

    @Column(name = "external_id", nullable = false, length = 200)
    public String externalId;

    /** Null once the item was deleted, or when its task was deleted here. */
    @Column(name = "task_id")
    public UUID taskId;

    @Enumerated(EnumType.STRING)
    @Column(name = "external_state", nullable = false, length = 20)
    public ExternalState externalState;

    @Column(name = "last_event_at")
    public Instant lastEventAt;

    @Column(nullable = false)
    public boolean deleted;

    /** Hex SHA-256 digests of what was signed, of the events applied last, oldest first, comma-separated. */
    @Column(name = "recent_digests", length = 1400)
    public String recentDigests;

    @CreationTimestamp
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @UpdateTimestamp
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Whether an event with this digest was among the last applied. */
    public boolean applied(String digest) {
        return recentDigests != null && Arrays.asList(recentDigests.split(",")).contains(digest);
    }

    /** Remembers an applied event's digest, forgetting the oldest beyond {@value #DIGESTS_KEPT}. */
    public void remember(String digest) {
        List<String> digests = new ArrayList<>(recentDigests == null || recentDigests.isEmpty() ? List.of()
                : Arrays.asList(recentDigests.split(",")));
        digests.remove(digest);
        digests.add(digest);
        recentDigests = String.join(",", digests.subList(Math.max(0, digests.size() - DIGESTS_KEPT), digests.size()));
    }
}

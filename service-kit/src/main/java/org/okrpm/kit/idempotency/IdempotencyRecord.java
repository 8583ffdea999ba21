package org.okrpm.kit.idempotency;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A POST that came with an Idempotency-Key, and the response it got, kept for 24 hours. */
@Entity
@Table(name = "idempotency_record")
public class IdempotencyRecord extends PanacheEntityBase {

    /** SHA-256 of caller and key, so keys of different callers never meet. */
    @Id
    @Column(name = "id", length = 64)
    public String id;

    @Column(name = "request_hash", length = 64, nullable = false)
    public String requestHash;

    @Column(name = "status", nullable = false)
    public int status;

    @Column(name = "location", length = 2000)
    public String location;

    @Column(name = "body")
    public String body;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}

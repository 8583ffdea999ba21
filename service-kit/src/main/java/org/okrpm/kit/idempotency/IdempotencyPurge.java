package org.okrpm.kit.idempotency;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** Forgets idempotency keys once their 24 hours are over. */
@ApplicationScoped
public class IdempotencyPurge {

    @Scheduled(every = "${okrpm.idempotency.purge-every:1h}", delayed = "1m")
    @Transactional
    void purgeExpired() {
        IdempotencyRecord.delete("createdAt < ?1", Instant.now().minus(IdempotencyInterceptor.RETENTION));
    }
}

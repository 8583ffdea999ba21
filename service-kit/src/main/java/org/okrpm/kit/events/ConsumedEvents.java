package org.okrpm.kit.events;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The idempotent-consumer record: which event ids this service has applied. Call {@link #firstDelivery}
 * in the transaction that applies the event, so the record and the effect commit or roll back together.
 */
@ApplicationScoped
public class ConsumedEvents {

    @ConfigProperty(name = "okrpm.consumed-events.retention", defaultValue = "P30D")
    Duration retention;

    /** True the first time an event id is seen (and records it); false for a redelivery. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(IncomingEvent event) {
        if (ProcessedEvent.findById(event.id()) != null) {
            return false;
        }
        ProcessedEvent processed = new ProcessedEvent();
        processed.eventId = event.id();
        processed.topic = event.topic();
        processed.processedAt = Instant.now();
        processed.persist();
        return true;
    }

    @Scheduled(every = "1h", delayed = "1m")
    void forgetOldIds() {
        QuarkusTransaction.requiringNew().run(() ->
                ProcessedEvent.delete("processedAt < ?1", Instant.now().minus(retention)));
    }
}

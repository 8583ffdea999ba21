package org.okrpm.kit.events;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.okrpm.kit.envelope.IncomingEvent;

/**
 * The idempotent-consumer record: which event ids each consumer group of this service has applied. Checked
 * and written by {@link EventConsumption} in the transaction that applies the event, so the record and the
 * effect commit or roll back together.
 */
@ApplicationScoped
public class ConsumedEvents {

    @ConfigProperty(name = "okrpm.consumed-events.retention", defaultValue = "P30D")
    Duration retention;

    /** True the first time {@code group} sees an event id (and records it); false for a redelivery. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String group, IncomingEvent event) {
        if (wasConsumed(group, event.id())) {
            return false;
        }
        Panache.getEntityManager().createNativeQuery("insert into consumed_event (consumer_group, event_id, consumed_at) values (?1, ?2, ?3)")
                .setParameter(1, group).setParameter(2, event.id()).setParameter(3, Instant.now())
                .executeUpdate();
        return true;
    }

    /** Whether {@code group} has applied the event (for tests and diagnostics). */
    @Transactional
    public boolean wasConsumed(String group, String eventId) {
        Number seen = (Number) Panache.getEntityManager().createNativeQuery(
                        "select count(*) from consumed_event where consumer_group = ?1 and event_id = ?2")
                .setParameter(1, group).setParameter(2, eventId).getSingleResult();
        return seen.longValue() > 0;
    }

    @Scheduled(every = "1h", delayed = "1m")
    void forgetOldIds() {
        QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager()
                .createNativeQuery("delete from consumed_event where consumed_at < ?1")
                .setParameter(1, Instant.now().minus(retention)).executeUpdate());
    }
}

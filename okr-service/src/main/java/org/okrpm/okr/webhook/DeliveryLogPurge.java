package org.okrpm.okr.webhook;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;

/** Keeps the delivery log bounded: finished deliveries (DELIVERED, FAILED) older than the retention go. */
@ApplicationScoped
public class DeliveryLogPurge {

    @Inject
    WebhooksConfig config;

    @Scheduled(every = "1h", delayed = "1m")
    void purge() {
        Instant before = Instant.now().minus(config.retention());
        List<DeliveryStatus> finished = List.of(DeliveryStatus.DELIVERED, DeliveryStatus.FAILED);
        QuarkusTransaction.requiringNew().run(() -> {
            WebhookAttempt.delete("deliveryId in (select d.id from WebhookDelivery d where d.status in ?1 "
                    + "and d.createdAt < ?2)", finished, before);
            WebhookDelivery.delete("status in ?1 and createdAt < ?2", finished, before);
        });
    }
}

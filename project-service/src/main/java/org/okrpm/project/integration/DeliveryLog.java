package org.okrpm.project.integration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** The bounded delivery log of each integration: what arrived and what became of it. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class DeliveryLog {

    @Inject
    IntegrationsConfig config;

    /** One delivery's facts, gathered as it is handled. */
    public record Entry(String deliveryId, String event, String externalId, DeliveryOutcome outcome, String detail,
                        UUID taskId) {
    }

    /** What the log is narrowed to ({@code GET …/deliveries?deliveryId=&outcome=&externalId=}); null: any. */
    public record Filter(String deliveryId, DeliveryOutcome outcome, String externalId) {
    }

    /** The first final record of this delivery id, if it was handled before (see {@link DeliveryOutcome#isFinal()}). */
    public IntegrationDelivery handledBefore(UUID integrationId, String deliveryId) {
        return IntegrationDelivery.<IntegrationDelivery>find(
                "integrationId = ?1 and deliveryId = ?2 and outcome in ?3 order by receivedAt, id",
                integrationId, deliveryId,
                List.of(DeliveryOutcome.APPLIED, DeliveryOutcome.STALE, DeliveryOutcome.IGNORED,
                        DeliveryOutcome.DUPLICATE)).firstResult();
    }

    /** Keeps the delivery and prunes the integration's log to the newest {@code deliveriesKept}. */
    public void record(UUID integrationId, byte[] body, Entry entry) {
        IntegrationDelivery delivery = new IntegrationDelivery();
        delivery.id = UUID.randomUUID();
        delivery.integrationId = integrationId;
        delivery.deliveryId = entry.deliveryId();
        delivery.event = Payloads.cut(entry.event(), 100);
        delivery.externalId = Payloads.cut(entry.externalId(), 200);
        delivery.outcome = entry.outcome();
        delivery.detail = Payloads.cut(entry.detail(), 500);
        delivery.taskId = entry.taskId();
        String payload = new String(body, StandardCharsets.UTF_8);
        delivery.payloadTruncated = payload.length() > config.payloadKept();
        delivery.payload = delivery.payloadTruncated ? payload.substring(0, config.payloadKept()) : payload;
        delivery.receivedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        delivery.persist();
        prune(integrationId);
    }

    private void prune(UUID integrationId) {
        IntegrationDelivery oldestKept = IntegrationDelivery.<IntegrationDelivery>find(
                "integrationId = ?1 order by receivedAt desc, id desc", integrationId)
                .page(config.deliveriesKept() - 1, 1).firstResult();
        if (oldestKept != null) {
            IntegrationDelivery.delete("integrationId = ?1 and receivedAt < ?2", integrationId, oldestKept.receivedAt);
        }
    }
}

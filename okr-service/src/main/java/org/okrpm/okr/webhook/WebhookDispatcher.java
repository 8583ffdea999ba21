package org.okrpm.okr.webhook;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;
import org.okrpm.kit.crypto.SecretCipher;
import org.okrpm.kit.events.AfterCommitWorker;

/**
 * Sends due deliveries. Woken right after a transaction that created deliveries commits, and every
 * {@code okrpm.webhooks.dispatch-every} by a sweep that catches retries and anything left by a crash.
 * <p>
 * A round claims, under {@code FOR UPDATE SKIP LOCKED}, the due deliveries of ACTIVE subscriptions that
 * have no earlier open delivery for the same subject — so per subscription and subject events go out in
 * order, a later one never overtakes an earlier one still retrying, also across replicas. A claim is a
 * short lease written in its own transaction; the HTTP calls happen outside any transaction, and each
 * outcome is recorded in its own. A crash mid-send leaves the lease to expire and the delivery is sent
 * again: at least once, receivers deduplicate on X-Webhook-Id.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    /** Hibernate's lock timeout that means SKIP LOCKED. */
    private static final int SKIP_LOCKED = -2;
    private static final List<DeliveryStatus> OPEN = List.of(DeliveryStatus.PENDING, DeliveryStatus.FAILED_RETRYING);

    @Inject
    WebhooksConfig config;

    @Inject
    SecretCipher cipher;

    @Inject
    WebhookSender sender;

    @Inject
    TransactionSynchronizationRegistry transactions;

    private final AfterCommitWorker worker = new AfterCommitWorker("webhook-dispatcher", this::round);

    /** A delivery claimed for one attempt, with what sending it needs. */
    record Claim(long deliveryId, String eventId, int attempt, String url, String secret, String body) {
    }

    /** Wakes the dispatcher once the current transaction has committed (several calls, one wake). */
    public void wakeAfterCommit() {
        worker.wakeAfterCommit(transactions);
    }

    /** Asks for a round soon, off the caller's thread. */
    public void wake() {
        worker.wake();
    }

    @Scheduled(every = "${okrpm.webhooks.dispatch-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        wake();
    }

    /** Claims what is due and sends it; true while there was something to send. */
    private boolean round() throws InterruptedException {
        List<Claim> claims = QuarkusTransaction.requiringNew().call(this::claim);
        send(claims);
        return !claims.isEmpty();
    }

    /** Leases the heads of the due queues (one per subscription and subject). */
    private List<Claim> claim() {
        Instant now = Instant.now();
        List<WebhookDelivery> due = WebhookDelivery.<WebhookDelivery>find(
                        "from WebhookDelivery d where d.status in :open and d.nextAttemptAt <= :now "
                                + "and (d.leaseUntil is null or d.leaseUntil < :now) "
                                + "and d.subscriptionId in (select s.id from WebhookSubscription s where s.status = :active) "
                                + "and not exists (select 1 from WebhookDelivery e where e.subscriptionId = d.subscriptionId "
                                + "and e.subject = d.subject and e.status in :open and e.id < d.id) order by d.id",
                        Parameters.with("open", OPEN).and("now", now).and("active", WebhookStatus.ACTIVE))
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", SKIP_LOCKED)
                .page(0, config.batchSize()).list();
        List<Claim> claims = new ArrayList<>(due.size());
        Instant leaseUntil = now.plus(config.timeout().multipliedBy(2)).plusSeconds(30);
        for (WebhookDelivery delivery : due) {
            WebhookSubscription subscription = WebhookSubscription.findById(delivery.subscriptionId);
            if (subscription == null) {
                continue;
            }
            String secret;
            try {
                secret = cipher.decryptToString(subscription.encryptedSecret);
            } catch (IllegalStateException e) {
                // a missing or rotated key: nothing can be signed; wait without burning attempts
                delivery.nextAttemptAt = now.plus(config.maxDelay());
                LOG.warnf("Webhook %s cannot be signed: %s", subscription.id, e.getMessage());
                continue;
            }
            delivery.leaseUntil = leaseUntil;
            claims.add(new Claim(delivery.id, delivery.eventId, delivery.attempts + 1, subscription.url, secret,
                    delivery.body));
        }
        return claims;
    }

    /** Sends the claimed deliveries in parallel and records each outcome, each in its own transaction. */
    private void send(List<Claim> claims) throws InterruptedException {
        List<CompletableFuture<WebhookSender.Outcome>> outcomes = new ArrayList<>(claims.size());
        List<Instant> startedAt = new ArrayList<>(claims.size());
        for (Claim claim : claims) {
            startedAt.add(Instant.now());
            outcomes.add(sender.send(claim));
        }
        for (int i = 0; i < claims.size(); i++) {
            WebhookSender.Outcome outcome;
            try {
                outcome = outcomes.get(i).get(config.timeout().toMillis() * 2 + 1000, TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                outcome = new WebhookSender.Outcome(null, "timeout", config.timeout().toMillis() * 2);
            }
            Claim claim = claims.get(i);
            WebhookSender.Outcome result = outcome;
            Instant at = startedAt.get(i);
            try {
                QuarkusTransaction.requiringNew().run(() -> record(claim, at, result));
            } catch (RuntimeException e) {
                LOG.warnf("Could not record the outcome of webhook delivery %s (%s); it is sent again after its lease",
                        claim.deliveryId(), e.toString());
            }
        }
    }

    private void record(Claim claim, Instant at, WebhookSender.Outcome outcome) {
        WebhookDelivery delivery = WebhookDelivery.findById(claim.deliveryId());
        if (delivery == null) {
            return; // the subscription was deleted meanwhile
        }
        Instant now = Instant.now();
        WebhookAttempt attempt = new WebhookAttempt();
        attempt.deliveryId = delivery.id;
        attempt.attemptedAt = at;
        attempt.statusCode = outcome.statusCode();
        attempt.durationMs = outcome.durationMs();
        attempt.error = outcome.error();
        attempt.persist();
        delivery.attempts++;
        delivery.leaseUntil = null;
        if (delivery.firstAttemptAt == null) {
            delivery.firstAttemptAt = at;
        }
        if (outcome.delivered()) {
            delivery.status = DeliveryStatus.DELIVERED;
            delivery.deliveredAt = now;
            delivery.nextAttemptAt = null;
            WebhookSubscription.update("failingSince = null where id = ?1 and failingSince is not null",
                    delivery.subscriptionId);
            return;
        }
        if (Duration.between(delivery.firstAttemptAt, now).compareTo(config.giveUpAfter()) >= 0) {
            delivery.status = DeliveryStatus.FAILED;
            delivery.nextAttemptAt = null;
            LOG.warnf("Webhook delivery of event %s to subscription %s failed for %s; given up",
                    delivery.eventId, delivery.subscriptionId, config.giveUpAfter());
        } else {
            delivery.status = DeliveryStatus.FAILED_RETRYING;
            delivery.nextAttemptAt = now.plus(new RetryPolicy(config.initialDelay(), config.maxDelay())
                    .delayAfter(delivery.attempts));
        }
        // the failure clock of the subscription: starts at the first failure after a success
        WebhookSubscription.update("failingSince = ?2 where id = ?1 and failingSince is null",
                delivery.subscriptionId, at);
        int paused = WebhookSubscription.update("status = ?2, pausedAt = ?3, updatedAt = ?3, version = version + 1 "
                        + "where id = ?1 and status = ?4 and failingSince <= ?5",
                delivery.subscriptionId, WebhookStatus.PAUSED, now, WebhookStatus.ACTIVE,
                now.minus(config.pauseAfter()));
        if (paused > 0) {
            LOG.warnf("Webhook subscription %s has failed since more than %s and is PAUSED; its deliveries are kept "
                    + "until it is resumed", delivery.subscriptionId, config.pauseAfter());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        worker.stop(Duration.ofSeconds(5));
    }
}

package org.okrpm.okr.webhook;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.okrpm.kit.crypto.SecretCipher;
import org.okrpm.kit.http.IfMatch;
import org.okrpm.kit.paging.PageRequest;
import org.okrpm.kit.paging.PageResponse;
import org.okrpm.kit.persistence.Criteria;
import org.okrpm.kit.problem.ProblemException;
import org.okrpm.okr.cycle.Cycle;
import org.okrpm.okr.objective.Objective;
import org.okrpm.okr.webhook.WebhookDtos.AttemptView;
import org.okrpm.okr.webhook.WebhookDtos.DeliveryView;
import org.okrpm.okr.webhook.WebhookDtos.WebhookCreate;
import org.okrpm.okr.webhook.WebhookDtos.WebhookView;

@ApplicationScoped
@Transactional
public class WebhookService {

    @Inject
    SecretCipher cipher;

    @Inject
    DestinationPolicy destinations;

    @Inject
    WebhookDispatcher dispatcher;

    public WebhookView create(WebhookCreate body, String userId) {
        URI url = DestinationPolicy.parse(body.url());
        Set<String> events = new LinkedHashSet<>();
        for (String name : body.events()) {
            String trimmed = name.trim();
            if (!WebhookEventTypes.isKnown(trimmed)) {
                throw ProblemException.invalid("events", "unknown event type " + trimmed + "; known types: "
                        + String.join(", ", WebhookEventTypes.NAMES));
            }
            events.add(trimmed);
        }
        if (body.cycleId() != null && Cycle.findById(body.cycleId()) == null) {
            throw ProblemException.unprocessable("cycleId", "Cycle " + body.cycleId() + " does not exist");
        }
        if (body.objectiveId() != null && Objective.findById(body.objectiveId()) == null) {
            throw ProblemException.unprocessable("objectiveId", "Objective " + body.objectiveId() + " does not exist");
        }
        cipher.requireConfigured();
        destinations.refusal(url).ifPresent(reason -> {
            throw ProblemException.unprocessable("url", reason);
        });
        String normalized = url.toString();
        if (WebhookSubscription.count("url", normalized) > 0) {
            throw ProblemException.conflict("A webhook for " + normalized + " already exists");
        }
        WebhookSubscription subscription = new WebhookSubscription();
        subscription.id = UUID.randomUUID();
        subscription.url = normalized;
        subscription.eventTypes = String.join(",", events);
        subscription.encryptedSecret = cipher.encrypt(body.secret());
        subscription.status = WebhookStatus.ACTIVE;
        subscription.createdBy = userId;
        // the project is project-service's: not checked here, an unknown one simply never matches
        subscription.cycleId = body.cycleId();
        subscription.objectiveId = body.objectiveId();
        subscription.projectId = body.projectId();
        subscription.persistAndFlush();
        return WebhookView.of(subscription);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<WebhookView> list(WebhookStatus status, Sort sort, PageRequest page) {
        Criteria criteria = Criteria.where().eq("status", status);
        return PageResponse.of(WebhookSubscription.<WebhookSubscription>find(criteria.query(), sort,
                criteria.parameters()), page, WebhookView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public WebhookView get(UUID id) {
        return WebhookView.of(require(id));
    }

    public void delete(UUID id, String ifMatch) {
        WebhookSubscription subscription = require(id);
        IfMatch.check(ifMatch, subscription.version);
        // its deliveries and their attempts go with it (foreign keys on delete cascade)
        WebhookAttempt.delete("deliveryId in (select d.id from WebhookDelivery d where d.subscriptionId = ?1)", id);
        WebhookDelivery.delete("subscriptionId", id);
        subscription.delete();
    }

    /**
     * ACTIVE again: the failure clock restarts, and every delivery kept while it was paused is due now
     * (with a fresh give-up window), still in order per subject.
     */
    public WebhookView resume(UUID id) {
        WebhookSubscription subscription = require(id);
        if (subscription.status == WebhookStatus.PAUSED) {
            subscription.status = WebhookStatus.ACTIVE;
            subscription.pausedAt = null;
            subscription.failingSince = null;
            WebhookDelivery.update("nextAttemptAt = :now, firstAttemptAt = null where subscriptionId = :id "
                            + "and status in :open",
                    Parameters.with("now", Instant.now()).and("id", id)
                            .and("open", List.of(DeliveryStatus.PENDING, DeliveryStatus.FAILED_RETRYING)));
            WebhookSubscription.getEntityManager().flush();
            dispatcher.wakeAfterCommit();
        }
        return WebhookView.of(subscription);
    }

    /** Newest first, each with its attempts (oldest first). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<DeliveryView> deliveries(UUID id, PageRequest page) {
        require(id);
        PageResponse<WebhookDelivery> rows = PageResponse.of(
                WebhookDelivery.<WebhookDelivery>find("subscriptionId = ?1 order by id desc", id), page, d -> d);
        List<Long> ids = rows.items().stream().map(d -> d.id).toList();
        Map<Long, List<AttemptView>> attempts = ids.isEmpty() ? Map.of()
                : WebhookAttempt.<WebhookAttempt>list("deliveryId in ?1 order by id", ids).stream()
                .collect(Collectors.groupingBy(a -> a.deliveryId,
                        Collectors.mapping(AttemptView::of, Collectors.toList())));
        List<DeliveryView> items = new ArrayList<>(rows.items().size());
        for (WebhookDelivery d : rows.items()) {
            items.add(new DeliveryView(d.eventId, d.eventType, d.subject, d.status, d.attempts, d.createdAt,
                    d.status.isOpen() ? d.nextAttemptAt : null, d.deliveredAt, attempts.getOrDefault(d.id, List.of())));
        }
        return new PageResponse<>(items, rows.page(), rows.size(), rows.totalItems(), rows.totalPages());
    }

    private static WebhookSubscription require(UUID id) {
        WebhookSubscription subscription = WebhookSubscription.findById(id);
        if (subscription == null) {
            throw ProblemException.notFound("Webhook", id);
        }
        return subscription;
    }
}

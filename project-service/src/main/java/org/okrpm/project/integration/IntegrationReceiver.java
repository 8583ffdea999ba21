package org.okrpm.project.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.okrpm.kit.crypto.SecretCipher;
import org.okrpm.kit.problem.ProblemException;
import org.okrpm.kit.problem.ProblemType;
import org.okrpm.project.integration.DeliveryLog.Entry;
import org.okrpm.project.integration.ExternalEvent.Kind;
import org.okrpm.project.integration.IntegrationDtos.ReceiptView;
import org.okrpm.project.keyresult.KeyResultReplica;
import org.okrpm.project.project.Project;
import org.okrpm.project.task.Task;
import org.okrpm.project.task.TaskDtos.TaskCreate;
import org.okrpm.project.task.TaskDtos.TaskView;
import org.okrpm.project.task.TaskService.ExternalOrigin;
import org.okrpm.project.task.TaskService;
import org.okrpm.project.task.TaskStatus;

/**
 * {@code POST /integrations/{id}/events}: verifies the tool's signature (nothing is kept when it is missing or
 * wrong; for the generic form also when its signed timestamp is outside the tolerance window), reduces the
 * payload to an {@link ExternalEvent}, and applies it to the item's task through {@link TaskService}, so the
 * change is published like any other task change. All deliveries of one integration are applied one at a time
 * (the integration's row is locked), which makes "seen this delivery id before", "applied this very signed
 * event before" (a replay under a new delivery id) and "older than the newest event applied" exact.
 */
@ApplicationScoped
public class IntegrationReceiver {

    private static final Logger LOG = Logger.getLogger(IntegrationReceiver.class);
    private static final int MAX_TITLE = 200;
    private static final int MAX_DESCRIPTION = 4000;

    @Inject
    SecretCipher cipher;

    @Inject
    ObjectMapper mapper;

    @Inject
    TaskService tasks;

    @Inject
    DeliveryLog log;

    @Inject
    IntegrationsConfig config;

    public ReceiptView receive(UUID integrationId, WebhookRequest request, String contentType) {
        Integration integration = QuarkusTransaction.requiringNew().call(() -> Integration.findById(integrationId));
        if (integration == null) {
            throw ProblemException.notFound("Integration", integrationId);
        }
        verify(integration, request);
        String deliveryId = request.deliveryId(integration.source);

        ExternalEvent event;
        try {
            event = read(integration, request, contentType);
        } catch (ProblemException e) {
            throw kept(integration, request, new Entry(deliveryId, null, null, DeliveryOutcome.REJECTED,
                    e.getMessage(), null), e);
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> apply(integration, request, deliveryId, event));
        } catch (ProblemException e) {
            throw kept(integration, request, new Entry(deliveryId, event.event(), event.externalId(),
                    DeliveryOutcome.FAILED, e.getMessage(), null), e);
        }
    }

    private void verify(Integration integration, WebhookRequest request) {
        byte[] secret;
        try {
            secret = cipher.decrypt(integration.secretCiphertext);
        } catch (IllegalStateException e) {
            LOG.errorf("Integration %s: its secret cannot be read (%s); was the encryption key changed?",
                    integration.id, e.getMessage());
            throw new ProblemException(ProblemType.SERVICE_UNAVAILABLE,
                    "This integration's secret cannot be used on this server; recreate the integration");
        }
        if (!request.signedWith(integration.source, secret)) {
            throw new ProblemException(ProblemType.UNAUTHORIZED, "Missing or invalid signature: send "
                    + WebhookRequest.signatureHeader(integration.source) + ": sha256=<hex HMAC-SHA256 of "
                    + (integration.source == IntegrationSource.GENERIC
                    ? "<X-Signature-Timestamp>.<raw body>, keyed with the integration's secret> and "
                    + WebhookRequest.GENERIC_TIMESTAMP + ": <Unix time in seconds>"
                    : "the raw body, keyed with the integration's secret>"));
        }
        if (integration.source == IntegrationSource.GENERIC) {
            Duration skew = Duration.between(Instant.ofEpochSecond(request.timestamp()), Instant.now()).abs();
            if (skew.compareTo(config.signatureTolerance()) > 0) {
                // a captured delivery replayed later, or a sender whose clock is off: both are refused alike
                throw new ProblemException(ProblemType.UNAUTHORIZED, WebhookRequest.GENERIC_TIMESTAMP
                        + " is more than " + config.signatureTolerance().toSeconds()
                        + " s from the server's time: sign every attempt with the current Unix time");
            }
        }
    }

    private ExternalEvent read(Integration integration, WebhookRequest request, String contentType) {
        JsonNode body;
        try {
            body = mapper.readTree(json(integration, request, contentType));
        } catch (IOException e) {
            throw ProblemException.invalid("body", "is not valid JSON");
        }
        if (body == null || !body.isObject()) {
            throw ProblemException.invalid("body", "must be a JSON object");
        }
        return switch (integration.source) {
            case GITHUB -> GitHubEvents.read(integration, request, body);
            case JIRA -> JiraEvents.read(integration, body);
            case GENERIC -> GenericEvents.read(integration, body, Instant.ofEpochSecond(request.timestamp()));
        };
    }

    /** The JSON document: the body, or for GitHub's form content type its {@code payload} field. */
    private static byte[] json(Integration integration, WebhookRequest request, String contentType) {
        if (integration.source != IntegrationSource.GITHUB || contentType == null
                || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return request.body();
        }
        for (String pair : new String(request.body(), StandardCharsets.US_ASCII).split("&")) {
            if (pair.startsWith("payload=")) {
                return URLDecoder.decode(pair.substring("payload=".length()), StandardCharsets.UTF_8)
                        .getBytes(StandardCharsets.UTF_8);
            }
        }
        throw ProblemException.invalid("payload", "is required in a form-encoded delivery");
    }

    /** Keeps a delivery that was refused or failed (in a transaction of its own) and returns the problem to answer. */
    private ProblemException kept(Integration integration, WebhookRequest request, Entry entry, ProblemException e) {
        try {
            QuarkusTransaction.requiringNew().run(() -> log.record(integration.id, request.body(), entry));
        } catch (RuntimeException recordFailed) {
            LOG.warnf("Integration %s: delivery %s could not be logged (%s)", integration.id, entry.deliveryId(),
                    recordFailed.toString());
        }
        Map<String, Object> extensions = new HashMap<>();
        if (e.extensions() != null) {
            extensions.putAll(e.extensions());
        }
        extensions.put("deliveryId", entry.deliveryId());
        extensions.put("outcome", entry.outcome());
        return new ProblemException(e.type(), e.getMessage(), e.errors(), extensions);
    }

    private ReceiptView apply(Integration received, WebhookRequest request, String deliveryId, ExternalEvent event) {
        Integration integration = lock(received.id);
        String digest = request.digest(received.source);
        Entry entry = outcome(integration, deliveryId, digest, event);
        if (entry.outcome() == DeliveryOutcome.APPLIED && event.externalId() != null) {
            IntegrationItem item = IntegrationItem.<IntegrationItem>find("integrationId = ?1 and externalId = ?2",
                    integration.id, event.externalId()).firstResult();
            if (item != null) {
                item.remember(digest);
            }
        }
        log.record(integration.id, request.body(), entry);
        return new ReceiptView(entry.deliveryId(), entry.event(), entry.externalId(), entry.outcome(), entry.detail(),
                entry.taskId());
    }

    /** Locks the project, then the integration: the order every project change takes, so they cannot deadlock. */
    private static Integration lock(UUID integrationId) {
        var em = Panache.getEntityManager();
        Integration integration = em.find(Integration.class, integrationId);
        if (integration == null) {
            throw ProblemException.notFound("Integration", integrationId);
        }
        em.find(Project.class, integration.projectId, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(integration, LockModeType.PESSIMISTIC_WRITE);
        return integration;
    }

    private Entry outcome(Integration integration, String deliveryId, String digest, ExternalEvent event) {
        IntegrationDelivery before = log.handledBefore(integration.id, deliveryId);
        if (before != null) {
            return entry(deliveryId, event, DeliveryOutcome.DUPLICATE, "delivery " + deliveryId
                    + " was handled before (" + before.outcome + " at " + before.receivedAt + ")", before.taskId);
        }
        if (event.kind() == Kind.IGNORED) {
            return entry(deliveryId, event, DeliveryOutcome.IGNORED, event.reason(), null);
        }
        IntegrationItem item = IntegrationItem.<IntegrationItem>find("integrationId = ?1 and externalId = ?2",
                integration.id, event.externalId()).firstResult();
        if (item != null && item.applied(digest)) {
            // the tools do not sign their delivery ids: a captured event sent again under a new one is a replay
            return entry(deliveryId, event, DeliveryOutcome.DUPLICATE, "this signed event was applied before "
                    + "under another delivery id", item.taskId);
        }
        if (item != null && item.lastEventAt != null && event.occurredAt() != null
                && event.occurredAt().isBefore(item.lastEventAt)) {
            return entry(deliveryId, event, DeliveryOutcome.STALE, "changed at " + event.occurredAt()
                    + ", before the newest event applied (" + item.lastEventAt + ")", item.taskId);
        }
        if (item != null && item.deleted) {
            return entry(deliveryId, event, DeliveryOutcome.IGNORED, "the item was deleted before", null);
        }
        if (item == null) {
            if (event.kind() == Kind.DELETED) {
                item = newItem(integration, event, null);
                item.deleted = true;
                return entry(deliveryId, event, DeliveryOutcome.APPLIED, "no task for this item; none made", null);
            }
            return created(integration, deliveryId, event);
        }
        if (item.taskId == null || Task.findById(item.taskId) == null) {
            return entry(deliveryId, event, DeliveryOutcome.IGNORED, "the item's task was deleted in OKR-PM", null);
        }
        if (event.kind() == Kind.CREATED) {
            return entry(deliveryId, event, DeliveryOutcome.IGNORED, "the item has a task already", item.taskId);
        }
        if (event.kind() == Kind.DELETED) {
            UUID taskId = item.taskId;
            item.deleted = true;
            item.taskId = null;
            advance(item, event);
            tasks.delete(taskId, null);
            return entry(deliveryId, event, DeliveryOutcome.APPLIED, "task deleted", taskId);
        }
        return changed(item, deliveryId, event);
    }

    private Entry created(Integration integration, String deliveryId, ExternalEvent event) {
        UUID keyResultId = integration.defaultKeyResultId;
        String note = "";
        if (keyResultId != null) {
            KeyResultReplica known = KeyResultReplica.findById(keyResultId);
            if (known != null && known.deleted) { // deleted in okr-service since the integration was made
                keyResultId = null;
                note = "; the default key result " + integration.defaultKeyResultId + " was deleted, so the task "
                        + "moves none";
            }
        }
        String title = event.title() == null || event.title().isBlank() ? event.externalId() : event.title();
        TaskStatus status = firstState(event).taskStatus(TaskStatus.TODO);
        TaskView task = tasks.create(integration.projectId, new TaskCreate(Payloads.cut(title.strip(), MAX_TITLE),
                Payloads.cut(event.description(), MAX_DESCRIPTION), null, null, keyResultId, null),
                new ExternalOrigin(integration.id, integration.source.wireName(), event.externalId()), status);
        newItem(integration, event, task.id());
        return entry(deliveryId, event, DeliveryOutcome.APPLIED, "task created"
                + (status == TaskStatus.TODO ? "" : " as " + status) + note, task.id());
    }

    private Entry changed(IntegrationItem item, String deliveryId, ExternalEvent event) {
        Task task = tasks.require(item.taskId);
        ObjectNode patch = mapper.createObjectNode();
        if (event.title() != null && !event.title().isBlank()) {
            patch.put("title", Payloads.cut(event.title().strip(), MAX_TITLE));
        }
        if (event.hasDescription()) {
            patch.put("description", Payloads.cut(event.description(), MAX_DESCRIPTION));
        }
        if (event.state() != null && event.state() != item.externalState) {
            // only a change of the tool's state moves the task: an edit leaves a status set here alone
            patch.put("status", event.state().taskStatus(task.status).name());
            item.externalState = event.state();
        }
        TaskStatus before = task.status;
        long version = task.version;
        TaskView after = tasks.update(item.taskId, null, patch);
        advance(item, event);
        String detail = after.version() == version ? "no change"
                : after.status() != before ? "task " + describe(before, after.status()) : "task updated";
        return entry(deliveryId, event, DeliveryOutcome.APPLIED, detail, item.taskId);
    }

    private static String describe(TaskStatus before, TaskStatus after) {
        if (after == TaskStatus.DONE) {
            return "completed";
        }
        if (before == TaskStatus.DONE || before == TaskStatus.CANCELLED) {
            return "reopened as " + after;
        }
        return "now " + after;
    }

    private static IntegrationItem newItem(Integration integration, ExternalEvent event, UUID taskId) {
        IntegrationItem item = new IntegrationItem();
        item.id = UUID.randomUUID();
        item.integrationId = integration.id;
        item.externalId = event.externalId();
        item.taskId = taskId;
        item.externalState = firstState(event);
        item.lastEventAt = event.occurredAt();
        item.deleted = false;
        item.persist();
        return item;
    }

    /** The state an item is first heard of in: OPEN when the event does not say. */
    private static ExternalState firstState(ExternalEvent event) {
        return event.state() == null ? ExternalState.OPEN : event.state();
    }

    private static void advance(IntegrationItem item, ExternalEvent event) {
        if (event.occurredAt() != null && (item.lastEventAt == null || event.occurredAt().isAfter(item.lastEventAt))) {
            item.lastEventAt = event.occurredAt();
        }
    }

    private static Entry entry(String deliveryId, ExternalEvent event, DeliveryOutcome outcome, String detail,
                               UUID taskId) {
        return new Entry(deliveryId, event.event(), event.externalId(), outcome, detail, taskId);
    }
}

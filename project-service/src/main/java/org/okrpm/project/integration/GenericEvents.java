package org.okrpm.project.integration;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import org.okrpm.kit.problem.ProblemException;
import org.okrpm.project.integration.ExternalEvent.Kind;

/**
 * The generic form (docs/integrations.md) for any tool that can sign a JSON body:
 * <pre>{"id": "ext-42", "action": "created|updated|closed|reopened|deleted", "title": "…",
 *  "description": "…", "status": "TODO|IN_PROGRESS|DONE|CANCELLED", "updatedAt": "2026-11-25T10:15:30Z",
 *  "project": "…"}</pre>
 * {@code id} and {@code action} are required, {@code title} too when created. Without {@code status},
 * closed means DONE and reopened means open again (TODO); with it, the status is taken as given. The event's
 * time is {@code updatedAt}, else the signed {@code X-Signature-Timestamp}: every generic event has a place in
 * its item's timeline, so a replayed older one is STALE.
 */
final class GenericEvents {

    private static final int MAX_ID = 200;

    private GenericEvents() {
    }

    /** {@code signedAt}: the delivery's signed timestamp, the event's time when it has no {@code updatedAt}. */
    static ExternalEvent read(Integration integration, JsonNode body, java.time.Instant signedAt) {
        if (!body.isObject()) {
            throw ProblemException.invalid("body", "must be a JSON object");
        }
        String id = Payloads.required(body.path("id"), "id");
        if (id.length() > MAX_ID) {
            throw ProblemException.invalid("id", "must be at most " + MAX_ID + " characters");
        }
        String action = Payloads.required(body.path("action"), "action");
        String project = Payloads.text(body.get("project"));
        if (project != null && integration.externalProject != null
                && !project.equalsIgnoreCase(integration.externalProject)) {
            throw ProblemException.unprocessable("project", "This integration is for the project "
                    + integration.externalProject + ", not " + project);
        }
        ExternalState status = status(body.get("status"));
        String title = Payloads.text(body.get("title"));
        Kind kind;
        ExternalState state;
        switch (action) {
            case "created" -> {
                if (title == null || title.isBlank()) {
                    throw ProblemException.invalid("title", "is required when created");
                }
                kind = Kind.CREATED;
                state = status;
            }
            case "updated" -> {
                kind = Kind.CHANGED;
                state = status;
            }
            case "closed" -> {
                kind = Kind.CHANGED;
                state = status != null ? status : ExternalState.DONE;
            }
            case "reopened" -> {
                kind = Kind.CHANGED;
                state = status != null ? status : ExternalState.OPEN;
            }
            case "deleted" -> {
                kind = Kind.DELETED;
                state = null;
            }
            default -> throw ProblemException.invalid("action",
                    "must be one of created, updated, closed, reopened, deleted");
        }
        java.time.Instant updatedAt = Payloads.instant(body.get("updatedAt"), "updatedAt");
        return new ExternalEvent(action, kind, id, title, body.has("description"),
                Payloads.text(body.get("description")), state, updatedAt != null ? updatedAt : signedAt, null);
    }

    private static ExternalState status(JsonNode node) {
        String value = Payloads.text(node);
        if (value == null) {
            return null;
        }
        return switch (value.toUpperCase(Locale.ROOT)) {
            case "TODO" -> ExternalState.TODO;
            case "IN_PROGRESS" -> ExternalState.IN_PROGRESS;
            case "DONE" -> ExternalState.DONE;
            case "CANCELLED" -> ExternalState.CANCELLED;
            default -> throw ProblemException.invalid("status", "must be one of TODO, IN_PROGRESS, DONE, CANCELLED");
        };
    }
}

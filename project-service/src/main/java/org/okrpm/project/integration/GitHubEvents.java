package org.okrpm.project.integration;

import com.fasterxml.jackson.databind.JsonNode;
import org.okrpm.kit.problem.ProblemException;
import org.okrpm.project.integration.ExternalEvent.Kind;

/**
 * GitHub's {@code issues} webhook (X-GitHub-Event: issues): opened → created; edited, closed, reopened →
 * changed; deleted → deleted. An issue closed as not planned ({@code state_reason}) is CANCELLED, any other
 * closed issue DONE. The item is {@code owner/repo#number}. {@code ping} and every other event or action are
 * ignored; a repository other than the integration's is 422.
 */
final class GitHubEvents {

    private GitHubEvents() {
    }

    static ExternalEvent read(Integration integration, WebhookRequest request, JsonNode body) {
        String type = request.header(WebhookRequest.GITHUB_EVENT);
        if (type == null) {
            throw ProblemException.invalid(WebhookRequest.GITHUB_EVENT, "header is required");
        }
        if ("ping".equals(type)) {
            checkRepository(integration, body, false);
            return ExternalEvent.ignored("ping", null, "ping: the webhook reaches OKR-PM and its signature is valid");
        }
        if (!"issues".equals(type)) {
            return ExternalEvent.ignored(type, null, "only issues events change tasks; deselect " + type);
        }
        String action = Payloads.required(body.path("action"), "action");
        String event = "issues." + action;
        checkRepository(integration, body, true);
        JsonNode issue = body.path("issue");
        String externalId = integration.externalProject + "#" + Payloads.required(issue.path("number"), "issue.number");
        Kind kind = switch (action) {
            case "opened" -> Kind.CREATED;
            case "edited", "closed", "reopened" -> Kind.CHANGED;
            case "deleted" -> Kind.DELETED;
            default -> Kind.IGNORED;
        };
        if (kind == Kind.IGNORED) {
            return ExternalEvent.ignored(event, externalId, "the action " + action + " does not change tasks");
        }
        return new ExternalEvent(event, kind, externalId, Payloads.text(issue.get("title")), true,
                Payloads.text(issue.get("body")), state(issue), Payloads.instant(issue.get("updated_at"),
                "issue.updated_at"), null);
    }

    private static ExternalState state(JsonNode issue) {
        String state = Payloads.text(issue.get("state"));
        if (state == null) {
            return null;
        }
        if (!"closed".equals(state)) {
            return ExternalState.OPEN;
        }
        return "not_planned".equals(Payloads.text(issue.get("state_reason"))) ? ExternalState.CANCELLED
                : ExternalState.DONE;
    }

    private static void checkRepository(Integration integration, JsonNode body, boolean required) {
        String repository = Payloads.text(body.path("repository").get("full_name"));
        if (repository == null && !required) {
            return; // an organisation hook's ping names no repository
        }
        if (repository == null) {
            throw ProblemException.invalid("repository.full_name", "is required");
        }
        if (!repository.equalsIgnoreCase(integration.externalProject)) {
            throw ProblemException.unprocessable("repository.full_name", "This integration is for the repository "
                    + integration.externalProject + ", not " + repository);
        }
    }
}

package org.okrpm.project.integration;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.okrpm.kit.problem.ProblemException;
import org.okrpm.project.integration.ExternalEvent.Kind;

/**
 * Jira's issue webhooks: {@code jira:issue_created} → created, {@code jira:issue_updated} → changed,
 * {@code jira:issue_deleted} → deleted; everything else (comments, worklogs, …) is ignored. The item is the
 * issue key; the status category {@code done} is DONE, any other is open. The event's time is its
 * {@code timestamp} (epoch milliseconds), else {@code fields.updated}. An issue of another project is 422.
 */
final class JiraEvents {

    private JiraEvents() {
    }

    static ExternalEvent read(Integration integration, JsonNode body) {
        String event = Payloads.required(body.path("webhookEvent"), "webhookEvent");
        Kind kind = switch (event) {
            case "jira:issue_created" -> Kind.CREATED;
            case "jira:issue_updated" -> Kind.CHANGED;
            case "jira:issue_deleted" -> Kind.DELETED;
            default -> Kind.IGNORED;
        };
        if (kind == Kind.IGNORED) {
            return ExternalEvent.ignored(event, Payloads.text(body.path("issue").get("key")),
                    "only jira:issue_created, jira:issue_updated and jira:issue_deleted change tasks");
        }
        JsonNode issue = body.path("issue");
        String key = Payloads.required(issue.path("key"), "issue.key");
        JsonNode fields = issue.path("fields");
        String project = Payloads.text(fields.path("project").get("key"));
        if (project == null) {
            project = key.contains("-") ? key.substring(0, key.lastIndexOf('-')) : key;
        }
        if (!project.equalsIgnoreCase(integration.externalProject)) {
            throw ProblemException.unprocessable("issue.fields.project.key", "This integration is for the Jira "
                    + "project " + integration.externalProject + ", not " + project);
        }
        JsonNode category = fields.path("status").path("statusCategory").get("key");
        ExternalState state = Payloads.text(category) == null ? null
                : "done".equals(Payloads.text(category)) ? ExternalState.DONE : ExternalState.OPEN;
        return new ExternalEvent(event, kind, key, Payloads.text(fields.get("summary")), fields.has("description"),
                Payloads.plainText(fields.get("description")), state, occurredAt(body, fields), null);
    }

    private static Instant occurredAt(JsonNode body, JsonNode fields) {
        JsonNode timestamp = body.get("timestamp");
        if (timestamp != null && timestamp.isNumber()) {
            return Instant.ofEpochMilli(timestamp.asLong());
        }
        if (timestamp != null && timestamp.isTextual() && timestamp.asText().matches("\\d{1,15}")) {
            return Instant.ofEpochMilli(Long.parseLong(timestamp.asText()));
        }
        return Payloads.instant(fields.get("updated"), "issue.fields.updated");
    }
}

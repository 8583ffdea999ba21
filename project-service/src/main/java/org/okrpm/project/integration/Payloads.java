package org.okrpm.project.integration;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.okrpm.kit.problem.ProblemException;

/** Small helpers for reading tools' payloads: they are read leniently, and what we need is checked (400). */
final class Payloads {

    /** Jira's {@code 2026-11-25T10:15:30.123+0000} (offset without a colon). */
    private static final DateTimeFormatter JIRA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private Payloads() {
    }

    /** The text at {@code node}, or null when it is missing or JSON null (numbers are turned into text). */
    static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode() || node.isContainerNode()) {
            return null;
        }
        return node.asText();
    }

    static String required(JsonNode node, String field) {
        String value = text(node);
        if (value == null || value.isBlank()) {
            throw ProblemException.invalid(field, "is required");
        }
        return value;
    }

    /** An ISO-8601 instant or offset date-time (also Jira's offset without a colon); null when absent. */
    static Instant instant(JsonNode node, String field) {
        String value = text(node);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(value, JIRA_TIME).toInstant();
            } catch (DateTimeParseException again) {
                throw ProblemException.invalid(field, "must be an ISO-8601 date-time, e.g. 2026-11-25T10:15:30Z");
            }
        }
    }

    /** At most {@code max} characters, with an ellipsis when cut. */
    static String cut(String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        return value.substring(0, max - 1) + "…";
    }

    /** Plain text of an Atlassian Document Format node (Jira's rich-text description), paragraphs on their own lines. */
    static String plainText(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isValueNode()) {
            return node.asText();
        }
        StringBuilder out = new StringBuilder();
        collect(node, out);
        return out.toString().strip();
    }

    private static void collect(JsonNode node, StringBuilder out) {
        if (node.hasNonNull("text")) {
            out.append(node.get("text").asText());
        }
        JsonNode content = node.get("content");
        if (content != null && content.isArray()) {
            for (JsonNode child : content) {
                collect(child, out);
            }
        }
        String type = text(node.get("type"));
        if ("paragraph".equals(type) || "heading".equals(type) || "hardBreak".equals(type)) {
            out.append('\n');
        }
    }
}

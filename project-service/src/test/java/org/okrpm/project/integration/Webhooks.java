package org.okrpm.project.integration;

import static org.okrpm.kit.testing.TestTokens.api;
import static org.okrpm.kit.testing.TestTokens.as;
import static org.okrpm.kit.testing.TestTokens.asAdmin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.okrpm.kit.testing.TestEvents;

/**
 * Test side of the integrations: creates them as an admin, loads the tools' payloads from
 * {@code src/test/resources/webhooks} (written from GitHub's and Atlassian's documented examples), and signs
 * and posts them the way the tools do: HMAC-SHA256 of the exact bytes sent, computed here independently.
 */
final class Webhooks {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String REPO = "octo-org/octo-repo";

    private Webhooks() {
    }

    static RequestSpecification asIntegrator() {
        return as("jira-bot", "integrator");
    }

    static String secret() {
        return "s3cret-" + UUID.randomUUID();
    }

    static String create(String source, String projectId, String externalProject, String keyResultId, String secret) {
        Map<String, Object> body = new HashMap<>(Map.of("source", source, "projectId", projectId, "secret", secret));
        if (externalProject != null) {
            body.put("externalProject", externalProject);
        }
        if (keyResultId != null) {
            body.put("defaultKeyResultId", keyResultId);
        }
        return asAdmin().body(body).post("/api/v1/integrations").then().statusCode(201).extract().path("id");
    }

    static ObjectNode fixture(String name) {
        try (InputStream in = Webhooks.class.getResourceAsStream("/webhooks/" + name)) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(Object json) {
        try {
            return JSON.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code sha256=<hex>}, computed with the JDK here, not with the service's own code. */
    static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            StringBuilder hex = new StringBuilder("sha256=");
            for (byte b : mac.doFinal(body)) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static ValidatableResponse post(String integrationId, Map<String, String> headers, byte[] body) {
        return post(integrationId, headers, body, "application/json");
    }

    static ValidatableResponse post(String integrationId, Map<String, String> headers, byte[] body, String contentType) {
        RequestSpecification request = api().headers(headers).contentType(contentType);
        // REST Assured encodes form bodies itself: hand it the (ASCII) text, which it sends unchanged
        request = contentType.startsWith("application/x-www-form-urlencoded")
                ? request.body(new String(body, StandardCharsets.US_ASCII)) : request.body(body);
        return request.post("/api/v1/integrations/" + integrationId + "/events").then();
    }

    /** A GitHub issues event as GitHub sends it: signed, with its event and delivery headers. */
    static ValidatableResponse github(String integrationId, String secret, String deliveryId, ObjectNode payload) {
        byte[] body = bytes(payload);
        return post(integrationId, Map.of("X-GitHub-Event", "issues", "X-GitHub-Delivery", deliveryId,
                "X-Hub-Signature-256", sign(secret, body), "User-Agent", "GitHub-Hookshot/abc123"), body);
    }

    /** The opened fixture turned into {@code action} on issue {@code number}, changed at {@code updatedAt}. */
    static ObjectNode githubIssue(String action, int number, String title, String state, String updatedAt) {
        ObjectNode payload = fixture("github-issues-opened.json");
        payload.put("action", action);
        ObjectNode issue = (ObjectNode) payload.get("issue");
        issue.put("number", number);
        issue.put("title", title);
        issue.put("state", state);
        issue.put("updated_at", updatedAt);
        if ("closed".equals(state)) {
            issue.put("closed_at", updatedAt);
            issue.put("state_reason", "completed");
        }
        return payload;
    }

    static ValidatableResponse jira(String integrationId, String secret, String deliveryId, ObjectNode payload) {
        byte[] body = bytes(payload);
        return post(integrationId, Map.of("X-Atlassian-Webhook-Identifier", deliveryId,
                "X-Atlassian-Webhook-Flow", "Primary", "X-Hub-Signature", sign(secret, body)), body);
    }

    /** The created fixture turned into {@code webhookEvent} on {@code key}, at {@code timestamp} (epoch ms). */
    static ObjectNode jiraIssue(String webhookEvent, String key, String summary, String statusCategory,
                                long timestamp) {
        ObjectNode payload = fixture("jira-issue-created.json");
        payload.put("webhookEvent", webhookEvent);
        payload.put("timestamp", timestamp);
        payload.put("issue_event_type_name", webhookEvent.equals("jira:issue_updated") ? "issue_generic"
                : webhookEvent.substring("jira:".length()));
        ObjectNode issue = (ObjectNode) payload.get("issue");
        issue.put("key", key);
        ObjectNode fields = (ObjectNode) issue.get("fields");
        fields.put("summary", summary);
        ObjectNode status = (ObjectNode) fields.get("status");
        ObjectNode category = (ObjectNode) status.get("statusCategory");
        category.put("key", statusCategory);
        status.put("name", statusCategory.equals("done") ? "Done" : statusCategory.equals("new") ? "To Do"
                : "In Progress");
        return payload;
    }

    static ValidatableResponse generic(String integrationId, String secret, String deliveryId, Object payload) {
        byte[] body = bytes(payload);
        Map<String, String> headers = genericSignature(secret, now(), body);
        if (deliveryId != null) {
            headers.put("X-Delivery-Id", deliveryId);
        }
        return post(integrationId, headers, body);
    }

    /** The generic form's headers: X-Signature-Timestamp and the HMAC of {@code <timestamp>.<body>}. */
    static Map<String, String> genericSignature(String secret, long timestamp, byte[] body) {
        byte[] prefix = (timestamp + ".").getBytes(StandardCharsets.US_ASCII);
        byte[] signed = java.util.Arrays.copyOf(prefix, prefix.length + body.length);
        System.arraycopy(body, 0, signed, prefix.length, body.length);
        return new HashMap<>(Map.of("X-Signature-Timestamp", Long.toString(timestamp),
                "X-Signature-256", sign(secret, signed)));
    }

    /** The current Unix time in seconds. */
    static long now() {
        return java.time.Instant.now().getEpochSecond();
    }

    static String delivery() {
        return UUID.randomUUID().toString();
    }

    /** The task made for an external item, found through the project's task list. */
    static Map<String, Object> taskFor(String projectId, String externalId) {
        List<Map<String, Object>> items = asAdmin().queryParam("size", 200)
                .get("/api/v1/projects/" + projectId + "/tasks").then().statusCode(200).extract().path("items");
        return items.stream().filter(t -> externalId.equals(t.get("externalId"))).findFirst().orElse(null);
    }

    static List<ConsumerRecord<String, String>> taskEvents(String taskId, int atLeast) {
        return TestEvents.awaitRecords("project.tasks", r -> taskId.equals(r.key()), atLeast);
    }

    static List<String> types(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> TestEvents.header(r, "ce_type")).toList();
    }

    static Predicate<ConsumerRecord<String, String>> keyed(String taskId) {
        return r -> taskId.equals(r.key());
    }
}

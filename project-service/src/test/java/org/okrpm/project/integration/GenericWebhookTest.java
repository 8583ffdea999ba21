package org.okrpm.project.integration;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.okrpm.kit.testing.TestTokens.asAdmin;
import static org.okrpm.project.ProjectFixtures.keyResult;
import static org.okrpm.project.ProjectFixtures.project;
import static org.okrpm.project.integration.Webhooks.asIntegrator;
import static org.okrpm.project.integration.Webhooks.bytes;
import static org.okrpm.project.integration.Webhooks.delivery;
import static org.okrpm.project.integration.Webhooks.fixture;
import static org.okrpm.project.integration.Webhooks.generic;
import static org.okrpm.project.integration.Webhooks.genericSignature;
import static org.okrpm.project.integration.Webhooks.now;
import static org.okrpm.project.integration.Webhooks.post;
import static org.okrpm.project.integration.Webhooks.secret;
import static org.okrpm.project.integration.Webhooks.sign;
import static org.okrpm.project.integration.Webhooks.taskEvents;
import static org.okrpm.project.integration.Webhooks.taskFor;
import static org.okrpm.project.integration.Webhooks.types;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.okrpm.project.keyresultwork.Rollups;
import org.okrpm.project.keyresultwork.Rollups.Rollup;

/** The generic form of docs/integrations.md, signed with X-Signature-256 over X-Signature-Timestamp and the body. */
@QuarkusTest
class GenericWebhookTest {

    private static Map<String, Object> event(String id, String action, String updatedAt) {
        return new java.util.HashMap<>(Map.of("id", id, "action", action, "updatedAt", updatedAt));
    }

    @Test
    void createdUpdatedClosedReopenedAndDeleted() {
        String projectId = project();
        String kr = keyResult();
        String secret = secret();
        String id = Webhooks.create("generic", projectId, null, kr, secret);

        generic(id, secret, delivery(), fixture("generic-created.json")).statusCode(200)
                .body("outcome", is("APPLIED")).body("event", is("created"));
        String taskId = (String) taskFor(projectId, "ext-42").get("id");
        asAdmin().get("/api/v1/tasks/" + taskId).then().body("title", is("Migrate the billing cron jobs"))
                .body("description", is("Move them off the old scheduler.")).body("externalSource", is("generic"));

        Map<String, Object> updated = event("ext-42", "updated", "2026-11-25T10:00:00Z");
        updated.put("title", "Migrate the billing and invoicing cron jobs");
        generic(id, secret, delivery(), updated).statusCode(200).body("detail", is("task updated"));
        // description not sent: left alone
        asAdmin().get("/api/v1/tasks/" + taskId).then().body("title", is("Migrate the billing and invoicing cron jobs"))
                .body("description", is("Move them off the old scheduler."));
        generic(id, secret, delivery(), event("ext-42", "closed", "2026-11-25T11:00:00Z")).statusCode(200)
                .body("detail", is("task completed"));
        generic(id, secret, delivery(), event("ext-42", "reopened", "2026-11-25T12:00:00Z")).statusCode(200)
                .body("detail", is("task reopened as TODO"));
        Map<String, Object> inProgress = event("ext-42", "updated", "2026-11-25T13:00:00Z");
        inProgress.put("status", "IN_PROGRESS");
        generic(id, secret, delivery(), inProgress).statusCode(200).body("detail", is("task now IN_PROGRESS"));
        generic(id, secret, delivery(), event("ext-42", "deleted", "2026-11-25T14:00:00Z")).statusCode(200)
                .body("detail", is("task deleted"));
        asAdmin().get("/api/v1/tasks/" + taskId).then().statusCode(404);

        List<ConsumerRecord<String, String>> records = taskEvents(taskId, 6);
        assertThat(types(records), is(List.of("project.task.created", "project.task.updated",
                "project.task.completed", "project.task.reopened", "project.task.updated", "project.task.deleted")));
        records.forEach(r -> assertThat(JsonPath.from(r.value()).getString("keyResultId"), is(kr)));
    }

    @Test
    void anItemCreatedDoneMakesOneRollupOfItsKeyResult() {
        String projectId = project();
        String kr = keyResult();
        String secret = secret();
        String id = Webhooks.create("generic", projectId, null, kr, secret);
        Map<String, Object> created = event("ext-done", "created", "2026-11-25T10:00:00Z");
        created.put("title", "Already shipped");
        created.put("status", "DONE");
        generic(id, secret, delivery(), created).statusCode(200).body("detail", is("task created as DONE"));
        String taskId = (String) taskFor(projectId, "ext-done").get("id");

        assertThat(types(taskEvents(taskId, 2)), is(List.of("project.task.created", "project.task.completed")));
        // created and completed in one transaction: one rollup, with the task DONE
        generic(id, secret, delivery(), event("ext-done", "reopened", "2026-11-25T11:00:00Z")).statusCode(200);
        List<Rollup> rollups = Rollups.of(kr, 2);
        assertThat(rollups.get(0).counts(), is(List.of(0, 0, 1, 0)));
        assertThat(rollups.get(0).changedTaskIds(), is(List.of(taskId)));
        assertThat(rollups.get(1).counts(), is(List.of(1, 0, 0, 0)));
    }

    @Test
    void redeliveryStaleAndMalformedEvents() {
        String projectId = project();
        String secret = secret();
        String id = Webhooks.create("generic", projectId, "billing", null, secret);
        ObjectNode created = fixture("generic-created.json");
        created.put("id", "b-1");
        String deliveryId = delivery();
        generic(id, secret, deliveryId, created).statusCode(200).body("outcome", is("APPLIED"));
        generic(id, secret, deliveryId, created).statusCode(200).body("outcome", is("DUPLICATE"));
        generic(id, secret, delivery(), event("b-1", "closed", "2026-11-24T09:00:00Z")).statusCode(200)
                .body("outcome", is("STALE"));
        assertThat(taskFor(projectId, "b-1").get("status"), is("TODO"));

        generic(id, secret, delivery(), Map.of("id", "b-2", "action", "archived")).statusCode(400)
                .contentType("application/problem+json").body("outcome", is("REJECTED"))
                .body("errors[0].field", is("action"));
        generic(id, secret, delivery(), Map.of("id", "b-2", "action", "created")).statusCode(400)
                .body("errors[0].field", is("title"));
        Map<String, Object> otherProject = event("b-3", "created", "2026-11-25T09:00:00Z");
        otherProject.put("title", "t");
        otherProject.put("project", "payroll");
        generic(id, secret, delivery(), otherProject).statusCode(422).body("detail", containsString("payroll"));
        byte[] notJson = "{\"id\": ".getBytes();
        post(id, genericSignature(secret, now(), notJson), notJson).statusCode(400);
        assertThat(taskFor(projectId, "b-2"), nullValue());
        assertThat(taskFor(projectId, "b-3"), nullValue());
        asIntegrator().get("/api/v1/integrations/" + id + "/deliveries").then().statusCode(200)
                .body("items.outcome", is(List.of("REJECTED", "REJECTED", "REJECTED", "REJECTED", "STALE",
                        "DUPLICATE", "APPLIED")));
    }

    @Test
    void aMissingOrWrongSignatureIs401() {
        String projectId = project();
        String secret = secret();
        String id = Webhooks.create("generic", projectId, null, null, secret);
        byte[] body = bytes(fixture("generic-created.json"));
        long now = now();
        post(id, Map.of("X-Delivery-Id", delivery()), body).statusCode(401);
        post(id, Map.of("X-Hub-Signature-256", sign(secret, body), "X-Signature-Timestamp", Long.toString(now)), body)
                .statusCode(401); // GitHub's header
        post(id, genericSignature(secret + "x", now, body), body).statusCode(401);
        // the body alone signed, as GitHub does: the timestamp must be covered too
        post(id, Map.of("X-Signature-256", sign(secret, body), "X-Signature-Timestamp", Long.toString(now)), body)
                .statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("X-Signature-Timestamp"));
        // a valid signature of the timestamp, but the header left out
        Map<String, String> noTimestamp = genericSignature(secret, now, body);
        noTimestamp.remove("X-Signature-Timestamp");
        post(id, noTimestamp, body).statusCode(401);
        // the timestamp changed after signing
        Map<String, String> shifted = genericSignature(secret, now, body);
        shifted.put("X-Signature-Timestamp", Long.toString(now + 1));
        post(id, shifted, body).statusCode(401);
        Map<String, String> upperCase = genericSignature(secret, now, body);
        upperCase.put("X-Signature-256", upperCase.get("X-Signature-256").toUpperCase().replace("SHA256=", "sha256="));
        post(id, upperCase, body).statusCode(200); // hex case does not matter
        assertThat(taskFor(projectId, "ext-42").get("title"), is("Migrate the billing cron jobs"));
    }
}

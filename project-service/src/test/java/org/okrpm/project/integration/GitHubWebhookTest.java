package org.okrpm.project.integration;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.okrpm.kit.testing.TestTokens.api;
import static org.okrpm.kit.testing.TestTokens.asAdmin;
import static org.okrpm.project.ProjectFixtures.keyResult;
import static org.okrpm.project.ProjectFixtures.project;
import static org.okrpm.project.integration.Webhooks.REPO;
import static org.okrpm.project.integration.Webhooks.asIntegrator;
import static org.okrpm.project.integration.Webhooks.bytes;
import static org.okrpm.project.integration.Webhooks.delivery;
import static org.okrpm.project.integration.Webhooks.github;
import static org.okrpm.project.integration.Webhooks.githubIssue;
import static org.okrpm.project.integration.Webhooks.post;
import static org.okrpm.project.integration.Webhooks.secret;
import static org.okrpm.project.integration.Webhooks.sign;
import static org.okrpm.project.integration.Webhooks.taskEvents;
import static org.okrpm.project.integration.Webhooks.taskFor;
import static org.okrpm.project.integration.Webhooks.types;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** GitHub's issues webhook, signed as GitHub signs it, turned into tasks whose events reach the broker. */
@QuarkusTest
class GitHubWebhookTest {

    @Test
    void anIssueLivesAsATaskThroughOpenedEditedClosedReopenedAndDeleted() {
        String projectId = project();
        String kr = keyResult();
        String secret = secret();
        String id = Webhooks.create("github", projectId, REPO, kr, secret);
        String externalId = REPO + "#7";

        github(id, secret, delivery(), githubIssue("opened", 7, "Found a bug", "open", "2026-11-20T09:00:00Z"))
                .statusCode(200).body("outcome", is("APPLIED")).body("event", is("issues.opened"))
                .body("externalId", is(externalId)).body("detail", is("task created"));
        Map<String, Object> task = taskFor(projectId, externalId);
        String taskId = (String) task.get("id");
        assertThat(task.get("title"), is("Found a bug"));
        assertThat(task.get("description"), is("I'm having a problem with this."));
        assertThat(task.get("keyResultId"), is(kr));
        assertThat(task.get("status"), is("TODO"));
        assertThat(task.get("integrationId"), is(id));
        assertThat(task.get("externalSource"), is("github"));

        ObjectNode edited = githubIssue("edited", 7, "Found a bug in sign-up", "open", "2026-11-20T10:00:00Z");
        ((ObjectNode) edited.get("issue")).put("body", "Steps to reproduce: …");
        github(id, secret, delivery(), edited).statusCode(200).body("outcome", is("APPLIED"))
                .body("taskId", is(taskId)).body("detail", is("task updated"));
        asAdmin().get("/api/v1/tasks/" + taskId).then().statusCode(200)
                .body("title", is("Found a bug in sign-up")).body("description", is("Steps to reproduce: …"))
                .body("status", is("TODO"));

        github(id, secret, delivery(), githubIssue("closed", 7, "Found a bug in sign-up", "closed",
                "2026-11-21T09:00:00Z")).statusCode(200).body("detail", is("task completed"));
        asAdmin().get("/api/v1/tasks/" + taskId).then().body("status", is("DONE")).body("completedAt", notNullValue());

        github(id, secret, delivery(), githubIssue("reopened", 7, "Found a bug in sign-up", "open",
                "2026-11-22T09:00:00Z")).statusCode(200).body("detail", is("task reopened as TODO"));
        asAdmin().get("/api/v1/tasks/" + taskId).then().body("status", is("TODO")).body("completedAt", nullValue());

        github(id, secret, delivery(), githubIssue("deleted", 7, "Found a bug in sign-up", "open",
                "2026-11-22T09:00:00Z")).statusCode(200).body("detail", is("task deleted"));
        asAdmin().get("/api/v1/tasks/" + taskId).then().statusCode(404);

        // the changes went out as the normal task events, with the integration's key result: what moves it
        List<ConsumerRecord<String, String>> records = taskEvents(taskId, 5);
        assertThat(types(records), is(List.of("project.task.created", "project.task.updated",
                "project.task.completed", "project.task.reopened", "project.task.deleted")));
        records.forEach(r -> assertThat(JsonPath.from(r.value()).getString("keyResultId"), is(kr)));
        assertThat(JsonPath.from(records.get(2).value()).getString("status"), is("DONE"));
        assertThat(JsonPath.from(records.get(4).value()).getBoolean("deleted"), is(true));

        // a late event for the deleted issue does not bring the task back
        github(id, secret, delivery(), githubIssue("edited", 7, "Zombie", "open", "2026-11-23T09:00:00Z"))
                .statusCode(200).body("outcome", is("IGNORED"));
        assertThat(taskFor(projectId, externalId), nullValue());
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        String projectId = project();
        String secret = secret();
        String id = Webhooks.create("github", projectId, REPO, keyResult(), secret);
        String opened = delivery();
        github(id, secret, opened, githubIssue("opened", 8, "t", "open", "2026-11-20T09:00:00Z"))
                .statusCode(200).body("outcome", is("APPLIED"));
        String taskId = (String) taskFor(projectId, REPO + "#8").get("id");
        String closed = delivery();
        ObjectNode closing = githubIssue("closed", 8, "t", "closed", "2026-11-21T09:00:00Z");
        github(id, secret, closed, closing).statusCode(200).body("outcome", is("APPLIED"));
        asAdmin().body(Map.of("status", "IN_PROGRESS")).patch("/api/v1/tasks/" + taskId).then().statusCode(200);

        // GitHub's "Redeliver" sends the same body with the same X-GitHub-Delivery
        github(id, secret, closed, closing).statusCode(200).body("outcome", is("DUPLICATE"))
                .body("taskId", is(taskId));
        github(id, secret, opened, githubIssue("opened", 8, "t", "open", "2026-11-20T09:00:00Z"))
                .statusCode(200).body("outcome", is("DUPLICATE"));
        asAdmin().get("/api/v1/tasks/" + taskId).then().body("status", is("IN_PROGRESS")).body("version", is(2));
        assertThat(taskFor(projectId, REPO + "#8").get("id"), is(taskId)); // still one task

        asAdmin().body(Map.of("title", "marker")).patch("/api/v1/tasks/" + taskId).then().statusCode(200);
        assertThat(types(taskEvents(taskId, 4)), is(List.of("project.task.created", "project.task.completed",
                "project.task.reopened", "project.task.updated")));
    }

    @Test
    void anEventOlderThanTheNewestAppliedChangesNothing() {
        String projectId = project();
        String secret = secret();
        String id = Webhooks.create("github", projectId, REPO, null, secret);
        github(id, secret, delivery(), githubIssue("opened", 9, "t", "open", "2026-11-20T09:00:00Z")).statusCode(200);
        github(id, secret, delivery(), githubIssue("closed", 9, "t", "closed", "2026-11-21T12:00:00Z"))
                .statusCode(200).body("outcome", is("APPLIED"));
        // the edit made before the close arrives late, and so does an earlier reopen
        github(id, secret, delivery(), githubIssue("edited", 9, "older title", "open", "2026-11-21T11:00:00Z"))
                .statusCode(200).body("outcome", is("STALE")).body("detail", containsString("2026-11-21T12:00:00Z"));
        github(id, secret, delivery(), githubIssue("reopened", 9, "t", "open", "2026-11-20T10:00:00Z"))
                .statusCode(200).body("outcome", is("STALE"));
        Map<String, Object> task = taskFor(projectId, REPO + "#9");
        assertThat(task.get("title"), is("t"));
        assertThat(task.get("status"), is("DONE"));
        assertThat(task.get("keyResultId"), nullValue());
    }

    @Test
    void aBadOrMissingSignatureIs401AndNothingIsKept() {
        String projectId = project();
        String secret = secret();
        String id = Webhooks.create("github", projectId, REPO, keyResult(), secret);
        byte[] body = bytes(githubIssue("opened", 10, "t", "open", "2026-11-20T09:00:00Z"));
        Map<String, String> headers = Map.of("X-GitHub-Event", "issues", "X-GitHub-Delivery", delivery());

        for (String signature : new String[] {sign("another-secret-entirely", body), "sha256=00", "sha1=abc",
                sign(secret, body).replace("sha256=", ""), "sha256=" + "zz".repeat(32)}) {
            Map<String, String> signed = new java.util.HashMap<>(headers);
            signed.put("X-Hub-Signature-256", signature);
            post(id, signed, body).statusCode(401).contentType("application/problem+json")
                    .body("status", is(401)).body("detail", containsString("X-Hub-Signature-256"));
        }
        post(id, headers, body).statusCode(401).contentType("application/problem+json");
        // signed, but the body was changed on the way
        byte[] tampered = bytes(githubIssue("opened", 10, "t2", "open", "2026-11-20T09:00:00Z"));
        Map<String, String> signed = new java.util.HashMap<>(headers);
        signed.put("X-Hub-Signature-256", sign(secret, body));
        post(id, signed, tampered).statusCode(401);

        assertThat(taskFor(projectId, REPO + "#10"), nullValue());
        asAdmin().get("/api/v1/integrations/" + id + "/deliveries").then().statusCode(200).body("totalItems", is(0));
        long items = QuarkusTransaction.requiringNew().call(() ->
                IntegrationItem.count("integrationId", UUID.fromString(id)));
        assertThat(items, is(0L));
    }

    @Test
    void anUnknownIntegrationIs404() {
        byte[] body = bytes(githubIssue("opened", 1, "t", "open", "2026-11-20T09:00:00Z"));
        post(UUID.randomUUID().toString(), Map.of("X-GitHub-Event", "issues", "X-Hub-Signature-256",
                sign("whatever-secret-value", body)), body).statusCode(404).contentType("application/problem+json");
        post("not-a-uuid", Map.of(), body).statusCode(404);
    }

    @Test
    void anotherRepositoryIs422AndLoggedAsRejected() {
        String projectId = project();
        String secret = secret();
        String id = Webhooks.create("github", projectId, REPO, null, secret);
        ObjectNode payload = githubIssue("opened", 11, "t", "open", "2026-11-20T09:00:00Z");
        ((ObjectNode) payload.get("repository")).put("full_name", "octo-org/another-repo");
        github(id, secret, "d-other-repo-" + UUID.randomUUID(), payload).statusCode(422)
                .contentType("application/problem+json").body("outcome", is("REJECTED"))
                .body("detail", containsString("octo-org/another-repo"));
        assertThat(taskFor(projectId, REPO + "#11"), nullValue());
        asIntegrator().get("/api/v1/integrations/" + id + "/deliveries").then().statusCode(200)
                .body("totalItems", is(1)).body("items[0].outcome", is("REJECTED"));
    }

    @Test
    void pingOtherEventsAndOtherActionsAreIgnored() {
        String projectId = project();
        String secret = secret();
        String id = Webhooks.create("github", projectId, REPO, null, secret);
        byte[] ping = bytes(Webhooks.fixture("github-ping.json"));
        post(id, Map.of("X-GitHub-Event", "ping", "X-GitHub-Delivery", delivery(),
                "X-Hub-Signature-256", sign(secret, ping)), ping).statusCode(200).body("outcome", is("IGNORED"))
                .body("event", is("ping"));
        byte[] push = bytes(Map.of("ref", "refs/heads/main", "repository", Map.of("full_name", REPO)));
        post(id, Map.of("X-GitHub-Event", "push", "X-GitHub-Delivery", delivery(),
                "X-Hub-Signature-256", sign(secret, push)), push).statusCode(200).body("outcome", is("IGNORED"));
        github(id, secret, delivery(), githubIssue("labeled", 12, "t", "open", "2026-11-20T09:00:00Z"))
                .statusCode(200).body("outcome", is("IGNORED")).body("event", is("issues.labeled"));
        assertThat(taskFor(projectId, REPO + "#12"), nullValue());
    }

    @Test
    void anIssueNotSeenBeforeGetsATaskOnItsFirstEventAndClosedAsNotPlannedIsCancelled() {
        String projectId = project();
        String secret = secret();
        String id = Webhooks.create("github", projectId, REPO, null, secret);
        // opened before the integration existed: the first thing we hear is that it was closed
        ObjectNode closed = githubIssue("closed", 13, "Old issue", "closed", "2026-11-21T09:00:00Z");
        github(id, secret, delivery(), closed).statusCode(200).body("detail", is("task created as DONE"));
        assertThat(taskFor(projectId, REPO + "#13").get("status"), is("DONE"));

        github(id, secret, delivery(), githubIssue("opened", 14, "Won't do", "open", "2026-11-20T09:00:00Z"))
                .statusCode(200);
        ObjectNode notPlanned = githubIssue("closed", 14, "Won't do", "closed", "2026-11-21T09:00:00Z");
        ((ObjectNode) notPlanned.get("issue")).put("state_reason", "not_planned");
        github(id, secret, delivery(), notPlanned).statusCode(200);
        assertThat(taskFor(projectId, REPO + "#14").get("status"), is("CANCELLED"));
    }

    @Test
    void aFormEncodedDeliveryIsReadFromItsPayloadField() {
        String projectId = project();
        String secret = secret();
        String id = Webhooks.create("github", projectId, REPO, null, secret);
        String json = new String(bytes(githubIssue("opened", 15, "Form-encoded", "open", "2026-11-20T09:00:00Z")),
                StandardCharsets.UTF_8);
        byte[] body = ("payload=" + URLEncoder.encode(json, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        post(id, Map.of("X-GitHub-Event", "issues", "X-GitHub-Delivery", delivery(),
                "X-Hub-Signature-256", sign(secret, body)), body, "application/x-www-form-urlencoded")
                .statusCode(200).body("outcome", is("APPLIED"));
        assertThat(taskFor(projectId, REPO + "#15").get("title"), is("Form-encoded"));
    }

    @Test
    void aClosedProjectFailsTheDeliveryWhichIsRetriedOnRedelivery() {
        String projectId = project();
        String secret = secret();
        String id = Webhooks.create("github", projectId, REPO, null, secret);
        org.okrpm.project.ProjectFixtures.changeStage(projectId, "CANCELLED");
        String deliveryId = delivery();
        ObjectNode opened = githubIssue("opened", 16, "t", "open", "2026-11-20T09:00:00Z");
        github(id, secret, deliveryId, opened).statusCode(409).contentType("application/problem+json")
                .body("outcome", is("FAILED")).body("deliveryId", is(deliveryId));
        // not a final outcome: the redelivery is tried again, not taken for a duplicate
        github(id, secret, deliveryId, opened).statusCode(409).body("outcome", is("FAILED"));
        asIntegrator().get("/api/v1/integrations/" + id + "/deliveries").then().statusCode(200)
                .body("items.outcome", is(List.of("FAILED", "FAILED")));
        api().get("/api/v1/integrations/" + id + "/deliveries").then().statusCode(401);
    }

    @Test
    void copiesArrivingTogetherMakeOneTask() throws Exception {
        String projectId = project();
        String secret = secret();
        String id = Webhooks.create("github", projectId, REPO, null, secret);
        ObjectNode opened = githubIssue("opened", 17, "Raced", "open", "2026-11-20T09:00:00Z");
        int copies = 4;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(copies);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        try {
            List<java.util.concurrent.Future<String>> outcomes = new java.util.ArrayList<>();
            for (int i = 0; i < copies; i++) {
                String deliveryId = i % 2 == 0 ? "same-delivery-" + id : delivery(); // redeliveries and new ids
                outcomes.add(pool.submit(() -> {
                    start.await();
                    return github(id, secret, deliveryId, opened).statusCode(200).extract().<String>path("outcome");
                }));
            }
            start.countDown();
            List<String> seen = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<String> outcome : outcomes) {
                seen.add(outcome.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(seen.stream().filter("APPLIED"::equals).count(), is(1L));
        } finally {
            pool.shutdownNow();
        }
        List<Map<String, Object>> tasks = asAdmin().get("/api/v1/projects/" + projectId + "/tasks").then()
                .statusCode(200).extract().path("items");
        assertThat(tasks.size(), is(1));
    }

    @Test
    void aDefaultKeyResultDeletedSinceMakesTasksThatMoveNone() {
        String projectId = project();
        String kr = keyResult();
        String secret = secret();
        String id = Webhooks.create("github", projectId, REPO, kr, secret);
        org.okrpm.project.ProjectFixtures.deleteKeyResult(kr); // a key-result.deleted event reached the replica
        github(id, secret, delivery(), githubIssue("opened", 18, "t", "open", "2026-11-20T09:00:00Z"))
                .statusCode(200).body("outcome", is("APPLIED")).body("detail", containsString("was deleted"));
        assertThat(taskFor(projectId, REPO + "#18").get("keyResultId"), nullValue());
    }
}

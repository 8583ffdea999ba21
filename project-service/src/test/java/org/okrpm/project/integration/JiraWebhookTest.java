package org.okrpm.project.integration;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.okrpm.kit.testing.TestTokens.asAdmin;
import static org.okrpm.project.ProjectFixtures.keyResult;
import static org.okrpm.project.ProjectFixtures.project;
import static org.okrpm.project.integration.Webhooks.asIntegrator;
import static org.okrpm.project.integration.Webhooks.bytes;
import static org.okrpm.project.integration.Webhooks.delivery;
import static org.okrpm.project.integration.Webhooks.jira;
import static org.okrpm.project.integration.Webhooks.jiraIssue;
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

/** Jira's issue webhooks, signed as a Jira admin webhook with a secret signs them (X-Hub-Signature). */
@QuarkusTest
class JiraWebhookTest {

    private static final long T0 = 1795597200000L; // 2026-11-25T09:00:00Z

    @Test
    void anIssueLivesAsATaskAndItsStatusCategoryDoneIsDone() {
        String projectId = project();
        String kr = keyResult();
        String secret = secret();
        String id = Webhooks.create("jira", projectId, "ops", kr, secret);
        asAdmin().get("/api/v1/integrations/" + id).then().body("externalProject", is("OPS"))
                .body("signatureHeader", is("X-Hub-Signature"));

        jira(id, secret, delivery(), jiraIssue("jira:issue_created", "OPS-12", "Rotate the staging certificates",
                "new", T0)).statusCode(200).body("outcome", is("APPLIED")).body("externalId", is("OPS-12"));
        Map<String, Object> task = taskFor(projectId, "OPS-12");
        String taskId = (String) task.get("id");
        assertThat(task.get("title"), is("Rotate the staging certificates"));
        assertThat(task.get("description"), is("The certificates expire on 1 December."));
        assertThat(task.get("externalSource"), is("jira"));
        assertThat(task.get("keyResultId"), is(kr));

        // moved to "In Progress": not done, so nothing changes for the task
        jira(id, secret, delivery(), jiraIssue("jira:issue_updated", "OPS-12", "Rotate the staging certificates",
                "indeterminate", T0 + 1000)).statusCode(200).body("detail", is("no change"));
        jira(id, secret, delivery(), jiraIssue("jira:issue_updated", "OPS-12", "Rotate the staging certificates",
                "done", T0 + 2000)).statusCode(200).body("detail", is("task completed"));
        asAdmin().get("/api/v1/tasks/" + taskId).then().body("status", is("DONE"));
        jira(id, secret, delivery(), jiraIssue("jira:issue_updated", "OPS-12", "Rotate the staging certificates",
                "new", T0 + 3000)).statusCode(200).body("detail", is("task reopened as TODO"));
        jira(id, secret, delivery(), jiraIssue("jira:issue_updated", "OPS-12", "Rotate staging and prod certificates",
                "new", T0 + 4000)).statusCode(200).body("detail", is("task updated"));
        asAdmin().get("/api/v1/tasks/" + taskId).then().body("status", is("TODO"))
                .body("title", is("Rotate staging and prod certificates"));
        jira(id, secret, delivery(), jiraIssue("jira:issue_deleted", "OPS-12", "Rotate staging and prod certificates",
                "new", T0 + 5000)).statusCode(200).body("detail", is("task deleted"));
        asAdmin().get("/api/v1/tasks/" + taskId).then().statusCode(404);

        List<ConsumerRecord<String, String>> records = taskEvents(taskId, 5);
        assertThat(types(records), is(List.of("project.task.created", "project.task.completed",
                "project.task.reopened", "project.task.updated", "project.task.deleted")));
        records.forEach(r -> assertThat(JsonPath.from(r.value()).getString("keyResultId"), is(kr)));
    }

    @Test
    void aRetriedWebhookAndAStaleOneChangeNothing() {
        String projectId = project();
        String secret = secret();
        String id = Webhooks.create("jira", projectId, "OPS", null, secret);
        jira(id, secret, delivery(), jiraIssue("jira:issue_created", "OPS-20", "t", "new", T0)).statusCode(200);
        String done = delivery();
        ObjectNode completing = jiraIssue("jira:issue_updated", "OPS-20", "t", "done", T0 + 60_000);
        jira(id, secret, done, completing).statusCode(200).body("outcome", is("APPLIED"));
        // Jira retries with the same X-Atlassian-Webhook-Identifier
        jira(id, secret, done, completing).statusCode(200).body("outcome", is("DUPLICATE"));
        // an update made before the completion, delivered after it
        jira(id, secret, delivery(), jiraIssue("jira:issue_updated", "OPS-20", "older", "new", T0 + 30_000))
                .statusCode(200).body("outcome", is("STALE"));
        Map<String, Object> task = taskFor(projectId, "OPS-20");
        assertThat(task.get("status"), is("DONE"));
        assertThat(task.get("title"), is("t"));
        assertThat(task.get("version"), is(1));

        asIntegrator().get("/api/v1/integrations/" + id + "/deliveries").then().statusCode(200)
                .body("totalItems", is(4))
                .body("items.outcome", is(List.of("STALE", "DUPLICATE", "APPLIED", "APPLIED")))
                .body("items.event", is(List.of("jira:issue_updated", "jira:issue_updated", "jira:issue_updated",
                        "jira:issue_created")));
    }

    @Test
    void theSharedSecretMayAlsoSignAsTheGenericForm() {
        String projectId = project();
        String secret = secret();
        String id = Webhooks.create("jira", projectId, "OPS", null, secret);
        byte[] body = bytes(jiraIssue("jira:issue_created", "OPS-30", "Signed like the generic form", "new", T0));
        post(id, Map.of("X-Signature-256", sign(secret, body)), body).statusCode(200)
                .body("outcome", is("APPLIED")).body("deliveryId", org.hamcrest.Matchers.startsWith("sha256:"));
        post(id, Map.of("X-Hub-Signature", sign("not-the-secret-at-all", body)), body).statusCode(401);
        post(id, Map.of(), body).statusCode(401);
        // without an identifier header, a byte-identical retry is still recognised
        post(id, Map.of("X-Hub-Signature", sign(secret, body)), body).statusCode(200)
                .body("outcome", is("DUPLICATE"));
    }

    @Test
    void anotherProjectsIssueIs422AndOtherEventsAreIgnored() {
        String projectId = project();
        String secret = secret();
        String id = Webhooks.create("jira", projectId, "OPS", null, secret);
        ObjectNode other = jiraIssue("jira:issue_created", "WEB-1", "t", "new", T0);
        ((ObjectNode) other.at("/issue/fields/project")).put("key", "WEB");
        jira(id, secret, delivery(), other).statusCode(422).body("outcome", is("REJECTED"));
        ObjectNode comment = jiraIssue("comment_created", "OPS-31", "t", "new", T0);
        comment.putObject("comment").put("body", "LGTM");
        jira(id, secret, delivery(), comment).statusCode(200).body("outcome", is("IGNORED"));
        assertThat(taskFor(projectId, "WEB-1"), nullValue());
        assertThat(taskFor(projectId, "OPS-31"), nullValue());
    }
}

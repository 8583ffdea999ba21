package org.okrpm.project.integration;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.okrpm.kit.testing.TestTokens.asAdmin;
import static org.okrpm.kit.testing.TestTokens.asMember;
import static org.okrpm.project.ProjectFixtures.project;
import static org.okrpm.project.integration.Webhooks.asIntegrator;
import static org.okrpm.project.integration.Webhooks.bytes;
import static org.okrpm.project.integration.Webhooks.delivery;
import static org.okrpm.project.integration.Webhooks.genericSignature;
import static org.okrpm.project.integration.Webhooks.github;
import static org.okrpm.project.integration.Webhooks.githubIssue;
import static org.okrpm.project.integration.Webhooks.jira;
import static org.okrpm.project.integration.Webhooks.jiraIssue;
import static org.okrpm.project.integration.Webhooks.now;
import static org.okrpm.project.integration.Webhooks.post;
import static org.okrpm.project.integration.Webhooks.secret;
import static org.okrpm.project.integration.Webhooks.taskFor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.ValidatableResponse;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, "hostile clients": a captured signed delivery sent again — under a new delivery id, which no tool
 * signs — must not change anything, and a generic delivery signed outside the tolerance window is refused.
 */
@QuarkusTest
class ReplayedEventsTest {

    /** A captured generic delivery: the exact bytes and headers a listener on the wire would have seen. */
    private record Captured(byte[] body, Map<String, String> headers) {

        ValidatableResponse sendAgainAs(String integrationId, String deliveryId) {
            Map<String, String> headers = new java.util.HashMap<>(this.headers);
            headers.put("X-Delivery-Id", deliveryId);
            return post(integrationId, headers, body);
        }
    }

    private static Captured signed(String secret, long timestamp, Map<String, Object> payload) {
        byte[] body = bytes(payload);
        return new Captured(body, genericSignature(secret, timestamp, body));
    }

    private static String taskStatus(String projectId, String externalId) {
        return (String) taskFor(projectId, externalId).get("status");
    }

    @Test
    void aCapturedSignedClosedBodyResentWithANewDeliveryIdIsNotAppliedAgain() {
        String projectId = project();
        String secret = secret();
        String id = Webhooks.create("generic", projectId, null, null, secret);
        long now = now();
        signed(secret, now - 90, Map.of("id", "r-1", "action", "created", "title", "Replay me"))
                .sendAgainAs(id, delivery()).statusCode(200).body("outcome", is("APPLIED"));
        Captured closed = signed(secret, now - 60, Map.of("id", "r-1", "action", "closed"));
        closed.sendAgainAs(id, delivery()).statusCode(200).body("detail", is("task completed"));
        signed(secret, now - 30, Map.of("id", "r-1", "action", "reopened"))
                .sendAgainAs(id, delivery()).statusCode(200).body("detail", is("task reopened as TODO"));

        // the reproduction of the issue: the same signed bytes, a fresh X-Delivery-Id
        closed.sendAgainAs(id, delivery()).statusCode(200).body("outcome", is("DUPLICATE"));
        assertThat(taskStatus(projectId, "r-1"), is("TODO"));
    }

    @Test
    void anOlderSignedEventNeverSeenBeforeIsStaleWithoutAnUpdatedAt() {
        String projectId = project();
        String secret = secret();
        String id = Webhooks.create("generic", projectId, null, null, secret);
        long now = now();
        signed(secret, now - 50, Map.of("id", "s-1", "action", "created", "title", "Timeline"))
                .sendAgainAs(id, delivery()).statusCode(200).body("outcome", is("APPLIED"));
        signed(secret, now - 10, Map.of("id", "s-1", "action", "closed"))
                .sendAgainAs(id, delivery()).statusCode(200).body("detail", is("task completed"));
        // signed before the newest applied event: its signed timestamp places it in the item's past
        signed(secret, now - 20, Map.of("id", "s-1", "action", "reopened"))
                .sendAgainAs(id, delivery()).statusCode(200).body("outcome", is("STALE"));
        assertThat(taskStatus(projectId, "s-1"), is("DONE"));
    }

    @Test
    void theNewestEventReplayedUnderANewDeliveryIdDoesNotUndoAChangeMadeHere() {
        String projectId = project();
        String secret = secret();
        String id = Webhooks.create("generic", projectId, null, null, secret);
        long now = now();
        Captured created = signed(secret, now - 5, Map.of("id", "n-1", "action", "created", "title", "From the tool",
                "updatedAt", "2026-11-25T09:00:00Z"));
        created.sendAgainAs(id, delivery()).statusCode(200).body("outcome", is("APPLIED"));
        Captured renamed = signed(secret, now - 4, Map.of("id", "n-1", "action", "updated", "title", "Renamed in the tool",
                "updatedAt", "2026-11-25T10:00:00Z"));
        renamed.sendAgainAs(id, delivery()).statusCode(200).body("detail", is("task updated"));
        String taskId = (String) taskFor(projectId, "n-1").get("id");
        asMember().body(Map.of("title", "Renamed in OKR-PM")).patch("/api/v1/tasks/" + taskId).then().statusCode(200);

        // same time as the newest applied event, so not stale: only its digest gives the replay away
        renamed.sendAgainAs(id, delivery()).statusCode(200).body("outcome", is("DUPLICATE"))
                .body("detail", containsString("another delivery id"));
        asAdmin().get("/api/v1/tasks/" + taskId).then().body("title", is("Renamed in OKR-PM"));
    }

    @Test
    void aGenericDeliverySignedOutsideTheFiveMinuteWindowIs401AndNotKept() {
        String projectId = project();
        String secret = secret();
        String id = Webhooks.create("generic", projectId, null, null, secret);
        Map<String, Object> payload = Map.of("id", "w-1", "action", "created", "title", "Window");
        long now = now();
        signed(secret, now - 301, payload).sendAgainAs(id, delivery()).statusCode(401)
                .contentType("application/problem+json").body("detail", containsString("X-Signature-Timestamp"));
        // whole seconds: the server's clock may be up to a second past `now` when it checks, so ahead by 310 s
        signed(secret, now + 310, payload).sendAgainAs(id, delivery()).statusCode(401)
                .contentType("application/problem+json");
        asIntegrator().get("/api/v1/integrations/" + id + "/deliveries").then().statusCode(200)
                .body("totalItems", is(0));
        signed(secret, now - 240, payload).sendAgainAs(id, delivery()).statusCode(200).body("outcome", is("APPLIED"));
        assertThat(taskStatus(projectId, "w-1"), is("TODO"));
    }

    @Test
    void aGitHubClosedEventReplayedAfterAReopenInTheSameSecondIsNotApplied() {
        String projectId = project();
        String secret = secret();
        String id = Webhooks.create("github", projectId, Webhooks.REPO, null, secret);
        // GitHub's updated_at has whole seconds: a close and a reopen within one second carry the same time
        ObjectNode closed = githubIssue("closed", 7, "Flaky deploy", "closed", "2026-11-25T10:00:00Z");
        github(id, secret, delivery(), githubIssue("opened", 7, "Flaky deploy", "open", "2026-11-25T09:00:00Z"))
                .statusCode(200).body("outcome", is("APPLIED"));
        github(id, secret, delivery(), closed).statusCode(200).body("detail", is("task completed"));
        github(id, secret, delivery(), githubIssue("reopened", 7, "Flaky deploy", "open", "2026-11-25T10:00:00Z"))
                .statusCode(200).body("detail", is("task reopened as TODO"));

        github(id, secret, delivery(), closed).statusCode(200).body("outcome", is("DUPLICATE"));
        String externalId = Webhooks.REPO + "#7";
        assertThat(taskStatus(projectId, externalId), is("TODO"));
        // and an older one, never applied, is stale
        github(id, secret, delivery(), githubIssue("closed", 7, "Flaky deploy", "closed", "2026-11-25T09:30:00Z"))
                .statusCode(200).body("outcome", is("STALE"));
        assertThat(taskStatus(projectId, externalId), is("TODO"));
        asIntegrator().get("/api/v1/integrations/" + id + "/deliveries").then()
                .body("items.outcome", is(List.of("STALE", "DUPLICATE", "APPLIED", "APPLIED", "APPLIED")));
    }

    @Test
    void aJiraDoneEventReplayedAfterAReopenWithTheSameTimestampIsNotApplied() {
        String projectId = project();
        String secret = secret();
        String id = Webhooks.create("jira", projectId, "ops", null, secret);
        long t0 = 1795597200000L; // 2026-11-25T09:00:00Z
        jira(id, secret, delivery(), jiraIssue("jira:issue_created", "OPS-7", "Rotate keys", "new", t0))
                .statusCode(200).body("outcome", is("APPLIED"));
        ObjectNode done = jiraIssue("jira:issue_updated", "OPS-7", "Rotate keys", "done", t0 + 1000);
        jira(id, secret, delivery(), done).statusCode(200).body("detail", is("task completed"));
        jira(id, secret, delivery(), jiraIssue("jira:issue_updated", "OPS-7", "Rotate keys", "new", t0 + 1000))
                .statusCode(200).body("detail", is("task reopened as TODO"));

        jira(id, secret, delivery(), done).statusCode(200).body("outcome", is("DUPLICATE"));
        assertThat(taskStatus(projectId, "OPS-7"), is("TODO"));
    }
}

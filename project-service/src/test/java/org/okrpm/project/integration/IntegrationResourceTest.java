package org.okrpm.project.integration;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.okrpm.kit.testing.TestTokens.api;
import static org.okrpm.kit.testing.TestTokens.asAdmin;
import static org.okrpm.kit.testing.TestTokens.asMember;
import static org.okrpm.kit.testing.TestTokens.asViewer;
import static org.okrpm.kit.testing.TestTokens.token;
import static org.okrpm.project.ProjectFixtures.changeStage;
import static org.okrpm.project.ProjectFixtures.deletedKeyResult;
import static org.okrpm.project.ProjectFixtures.keyResult;
import static org.okrpm.project.ProjectFixtures.moveTo;
import static org.okrpm.project.ProjectFixtures.project;
import static org.okrpm.project.integration.Webhooks.REPO;
import static org.okrpm.project.integration.Webhooks.asIntegrator;
import static org.okrpm.project.integration.Webhooks.delivery;
import static org.okrpm.project.integration.Webhooks.github;
import static org.okrpm.project.integration.Webhooks.githubIssue;
import static org.okrpm.project.integration.Webhooks.secret;
import static org.okrpm.project.integration.Webhooks.taskFor;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.okrpm.project.OkrServiceStub;

@QuarkusTest
class IntegrationResourceTest {

    private static Map<String, Object> body(String projectId) {
        return new HashMap<>(Map.of("source", "github", "projectId", projectId, "externalProject", REPO,
                "secret", secret()));
    }

    @Test
    void anAdminCreatesAnIntegrationAndItsSecretIsNeverReturnedNorStoredInPlainText() {
        String projectId = project();
        String kr = keyResult();
        Map<String, Object> body = body(projectId);
        body.put("defaultKeyResultId", kr);
        String secret = (String) body.get("secret");
        ExtractableResponse<Response> created = asAdmin().body(body).post("/api/v1/integrations").then()
                .statusCode(201)
                .body("source", is("github"))
                .body("projectId", is(projectId))
                .body("externalProject", is(REPO))
                .body("defaultKeyResultId", is(kr))
                .body("signatureHeader", is("X-Hub-Signature-256"))
                .body("createdBy", is("ada"))
                .body("version", is(0))
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location"), endsWith("/api/v1/integrations/" + id));
        assertThat(created.path("eventsPath"), is("/api/v1/integrations/" + id + "/events"));
        assertThat(created.asString(), not(containsString(secret)));
        assertThat(created.asString(), not(containsString("\"secret\"")));

        String one = asIntegrator().get("/api/v1/integrations/" + id).then().statusCode(200)
                .header("ETag", is("\"0\"")).body("id", is(id)).extract().asString();
        assertThat(one, not(containsString(secret)));
        asAdmin().queryParam("projectId", projectId).get("/api/v1/integrations").then().statusCode(200)
                .body("totalItems", is(1)).body("items[0].id", is(id));
        asIntegrator().queryParam("projectId", projectId).queryParam("source", "jira").get("/api/v1/integrations")
                .then().statusCode(200).body("totalItems", is(0));
        asAdmin().queryParam("source", "svn").get("/api/v1/integrations").then().statusCode(400);

        Integration row = QuarkusTransaction.requiringNew().call(() -> Integration.findById(UUID.fromString(id)));
        assertThat(row.secretCiphertext, startsWith("v1:"));
        assertThat(row.secretCiphertext, not(containsString(secret)));
    }

    @Test
    void onlyAnAdminCreatesAndDeletesIntegrationsAndIntegratorsRead() {
        String projectId = project();
        asMember().body(body(projectId)).post("/api/v1/integrations").then().statusCode(403)
                .contentType("application/problem+json");
        asViewer().body(body(projectId)).post("/api/v1/integrations").then().statusCode(403);
        asIntegrator().body(body(projectId)).post("/api/v1/integrations").then().statusCode(403);
        api().contentType("application/json").body(body(projectId)).post("/api/v1/integrations").then()
                .statusCode(401);

        String secret = secret();
        String id = Webhooks.create("github", projectId, REPO, null, secret);
        asMember().get("/api/v1/integrations").then().statusCode(403);
        asViewer().get("/api/v1/integrations/" + id).then().statusCode(403);
        asIntegrator().get("/api/v1/integrations").then().statusCode(200);
        asIntegrator().get("/api/v1/integrations/" + id + "/deliveries").then().statusCode(200);
        asMember().get("/api/v1/integrations/" + id + "/deliveries").then().statusCode(403);
        asIntegrator().delete("/api/v1/integrations/" + id).then().statusCode(403);
        asMember().delete("/api/v1/integrations/" + id).then().statusCode(403);
        api().get("/api/v1/integrations/" + id).then().statusCode(401);

        asAdmin().header("If-Match", "\"7\"").delete("/api/v1/integrations/" + id).then().statusCode(412);
        asAdmin().delete("/api/v1/integrations/" + id).then().statusCode(204);
        asAdmin().get("/api/v1/integrations/" + id).then().statusCode(404);
        github(id, secret, delivery(), githubIssue("opened", 1, "t", "open", "2026-11-20T09:00:00Z"))
                .statusCode(404);
    }

    @Test
    void deletingAnIntegrationKeepsTheTasksItMade() {
        String projectId = project();
        String secret = secret();
        String id = Webhooks.create("github", projectId, REPO, null, secret);
        github(id, secret, delivery(), githubIssue("opened", 2, "Kept", "open", "2026-11-20T09:00:00Z"))
                .statusCode(200);
        asAdmin().delete("/api/v1/integrations/" + id).then().statusCode(204);
        Map<String, Object> task = taskFor(projectId, REPO + "#2");
        assertThat(task.get("title"), is("Kept"));
        assertThat(task.get("externalSource"), is("github"));
        assertThat(task.get("integrationId"), nullValue());
    }

    @Test
    void unknownOrClosedProjectsAndUnknownKeyResultsAreRefused() {
        asAdmin().body(body(UUID.randomUUID().toString())).post("/api/v1/integrations").then().statusCode(422)
                .body("errors[0].field", is("projectId"));
        String closed = moveTo(project(), "EXECUTION");
        changeStage(closed, "CLOSED");
        asAdmin().body(body(closed)).post("/api/v1/integrations").then().statusCode(409);
        String cancelled = moveTo(project(), "CANCELLED");
        asAdmin().body(body(cancelled)).post("/api/v1/integrations").then().statusCode(409);

        String projectId = project();
        Map<String, Object> unknownKr = body(projectId);
        unknownKr.put("defaultKeyResultId", UUID.randomUUID().toString());
        asAdmin().body(unknownKr).post("/api/v1/integrations").then().statusCode(422)
                .body("errors[0].field", is("defaultKeyResultId"));
        Map<String, Object> deletedKr = body(projectId);
        deletedKr.put("defaultKeyResultId", deletedKeyResult());
        asAdmin().body(deletedKr).post("/api/v1/integrations").then().statusCode(422);
    }

    @Test
    void aDefaultKeyResultOnlyOkrServiceKnowsIsCheckedWithTheAdminsCredentials() {
        String projectId = project();
        String kr = UUID.randomUUID().toString();
        OkrServiceStub.knows(kr, OkrServiceStub.keyResultJson(kr, 1));
        String bearer = token("ada", "admin");
        Map<String, Object> body = body(projectId);
        body.put("defaultKeyResultId", kr);
        String secret = (String) body.get("secret");
        String id = api().auth().oauth2(bearer).contentType("application/json").body(body)
                .post("/api/v1/integrations").then().statusCode(201).extract().path("id");
        assertThat(OkrServiceStub.seen(kr).authorization(), is("Bearer " + bearer));

        // the webhook carries no credentials: the key result is not looked up again
        github(id, secret, delivery(), githubIssue("opened", 3, "t", "open", "2026-11-20T09:00:00Z"))
                .statusCode(200).body("outcome", is("APPLIED"));
        assertThat(taskFor(projectId, REPO + "#3").get("keyResultId"), is(kr));
        assertThat(OkrServiceStub.seen(kr).count(), is(1));
    }

    @Test
    void invalidBodiesAre400() {
        String projectId = project();
        Map<String, Object> wrongSource = body(projectId);
        wrongSource.put("source", "gitlab");
        asAdmin().body(wrongSource).post("/api/v1/integrations").then().statusCode(400)
                .body("errors.field", hasItem("source"));
        Map<String, Object> shortSecret = body(projectId);
        shortSecret.put("secret", "short");
        asAdmin().body(shortSecret).post("/api/v1/integrations").then().statusCode(400)
                .body("errors.field", hasItem("secret"));
        Map<String, Object> noRepo = body(projectId);
        noRepo.put("externalProject", "just-a-name");
        asAdmin().body(noRepo).post("/api/v1/integrations").then().statusCode(400)
                .body("errors[0].field", is("externalProject"));
        Map<String, Object> noJiraKey = body(projectId);
        noJiraKey.put("source", "jira");
        noJiraKey.remove("externalProject");
        asAdmin().body(noJiraKey).post("/api/v1/integrations").then().statusCode(400)
                .body("errors[0].field", is("externalProject"));
        asAdmin().body(Map.of()).post("/api/v1/integrations").then().statusCode(400)
                .body("errors.field", is(List.of("projectId", "secret", "source")));
    }

    @Test
    void theSameRepositoryTwiceForOneProjectIsAConflict() {
        String projectId = project();
        Webhooks.create("github", projectId, REPO, null, secret());
        Map<String, Object> again = body(projectId);
        again.put("externalProject", REPO.toUpperCase());
        asAdmin().body(again).post("/api/v1/integrations").then().statusCode(409);
        Webhooks.create("github", project(), REPO, null, secret()); // another project may listen to it too
    }

    @Test
    void theDeliveryLogIsNewestFirstBoundedAndShowsTheRawBody() {
        String projectId = project();
        String secret = secret();
        String id = Webhooks.create("github", projectId, REPO, null, secret);
        String first = delivery();
        github(id, secret, first, githubIssue("opened", 4, "t", "open", "2026-11-20T09:00:00Z")).statusCode(200);
        for (int i = 0; i < 200; i++) { // labels do not change tasks: 200 IGNORED deliveries push the first one out
            github(id, secret, "label-" + i, githubIssue("labeled", 4, "t", "open", "2026-11-20T09:00:00Z"))
                    .statusCode(200);
        }
        asIntegrator().queryParam("size", 2).get("/api/v1/integrations/" + id + "/deliveries").then()
                .statusCode(200).body("totalItems", is(200))
                .body("items.deliveryId", is(List.of("label-199", "label-198")))
                .body("items[0].outcome", is("IGNORED")).body("items[0].event", is("issues.labeled"))
                .body("items[0].payload", nullValue());
        List<String> ids = asIntegrator().queryParam("size", 200).get("/api/v1/integrations/" + id + "/deliveries")
                .then().extract().path("items.deliveryId");
        assertThat(ids.contains(first), is(false));
        String recordId = asIntegrator().queryParam("size", 1).get("/api/v1/integrations/" + id + "/deliveries")
                .then().extract().path("items[0].id");
        asIntegrator().get("/api/v1/integrations/" + id + "/deliveries/" + recordId).then().statusCode(200)
                .body("payload", containsString("\"action\":\"labeled\"")).body("payloadTruncated", is(false));
        asIntegrator().get("/api/v1/integrations/" + id + "/deliveries/" + UUID.randomUUID()).then().statusCode(404);
        // pruned or not, the opened issue's redelivery makes no second task: its item remembers the signed event
        github(id, secret, first, githubIssue("opened", 4, "t", "open", "2026-11-20T09:00:00Z")).statusCode(200)
                .body("outcome", is("DUPLICATE"));
    }

    @Test
    void theOpenApiDescribesTheIntegrationsAndTheReceiverNeedsNoToken() {
        io.restassured.path.json.JsonPath openapi = api().accept("application/json").get("/q/openapi").then()
                .statusCode(200).extract().jsonPath();
        assertThat(openapi.getMap("paths").keySet(), org.hamcrest.Matchers.hasItems("/api/v1/integrations",
                "/api/v1/integrations/{id}", "/api/v1/integrations/{id}/deliveries",
                "/api/v1/integrations/{id}/deliveries/{deliveryId}", "/api/v1/integrations/{id}/events"));
        assertThat(openapi.getList("paths.'/api/v1/integrations'.post.security"),
                org.hamcrest.Matchers.not(org.hamcrest.Matchers.empty()));
        // an empty list: explicitly no token (generated clients then send none)
        assertThat(openapi.getList("paths.'/api/v1/integrations/{id}/events'.post.security"),
                org.hamcrest.Matchers.empty());
        assertThat(openapi.getString("paths.'/api/v1/integrations/{id}/events'.post.responses.'401'.description"),
                containsString("signature"));
        assertThat(openapi.getMap("components.schemas.IntegrationCreate.properties").keySet(),
                hasItem("secret"));
        assertThat(openapi.getMap("components.schemas.Integration.properties").keySet(), not(hasItem("secret")));
    }
}

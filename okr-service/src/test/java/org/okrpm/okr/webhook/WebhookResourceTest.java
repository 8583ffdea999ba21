package org.okrpm.okr.webhook;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.okrpm.kit.testing.TestTokens.as;
import static org.okrpm.kit.testing.TestTokens.asAdmin;
import static org.okrpm.kit.testing.TestTokens.asMember;
import static org.okrpm.kit.testing.TestTokens.asViewer;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.okrpm.kit.crypto.SecretCipher;

/** Subscribing, reading and removing webhooks; what is refused, and that the secret never comes back. */
@QuarkusTest
class WebhookResourceTest {

    private static final String SECRET = "s3cret-that-must-never-be-returned";

    @Inject
    SecretCipher cipher;

    static Map<String, Object> body(String url, List<String> events, String secret) {
        return Map.of("url", url, "events", events, "secret", secret);
    }

    static String url() {
        return "https://hooks.example.com/okr/" + UUID.randomUUID();
    }

    static void deleteAllWebhooks() {
        QuarkusTransaction.requiringNew().run(() -> {
            WebhookAttempt.deleteAll();
            WebhookDelivery.deleteAll();
            WebhookSubscription.deleteAll();
        });
    }

    @AfterEach
    void cleanUp() {
        deleteAllWebhooks();
    }

    @Test
    void aMemberSubscribesAndTheSecretIsNeverReturned() {
        String url = url();
        Response created = asMember()
                .body(body(url, List.of("key-result.progress-changed", "cycle.phase-changed"), SECRET))
                .post("/api/v1/webhooks");
        created.then().statusCode(201)
                .header("Location", endsWith("/api/v1/webhooks/" + created.path("id")))
                .body("url", is(url))
                .body("events", is(List.of("key-result.progress-changed", "cycle.phase-changed")))
                .body("status", is("ACTIVE"))
                .body("createdBy", is("alice"))
                .body("failingSince", nullValue())
                .body("version", is(0))
                .body("secret", nullValue());
        assertThat(created.asString(), not(containsString(SECRET)));
        String id = created.path("id");

        String one = asMember().get("/api/v1/webhooks/" + id).then().statusCode(200)
                .header("ETag", is("\"0\"")).body("id", is(id)).extract().asString();
        assertThat(one, not(containsString(SECRET)));
        String list = asAdmin().get("/api/v1/webhooks?size=200").then().statusCode(200)
                .body("items.id", hasItem(id)).body("page", is(0)).body("size", is(200))
                .extract().asString();
        assertThat(list, not(containsString(SECRET)));
    }

    @Test
    void theSecretIsStoredEncrypted() {
        String id = asAdmin().body(body(url(), List.of("objective.progress-changed"), SECRET))
                .post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
        String stored = QuarkusTransaction.requiringNew().call(() ->
                WebhookSubscription.<WebhookSubscription>findById(UUID.fromString(id)).encryptedSecret);
        assertThat(stored, startsWith("v1:"));
        assertThat(stored, not(containsString(SECRET)));
        assertThat(cipher.decryptToString(stored), is(SECRET));
    }

    @Test
    void urlsMustBeAbsoluteHttpOrHttps() {
        for (String bad : new String[] {"ftp://hooks.example.com/x", "not a url", "/relative/path", "file:///etc/passwd",
                "https://user:pw@hooks.example.com/x", "javascript:alert(1)"}) {
            asMember().body(body(bad, List.of("key-result.progress-changed"), SECRET)).post("/api/v1/webhooks")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", is("url"));
        }
    }

    @Test
    void unknownEventTypesAreRefusedNamingTheKnownOnes() {
        asMember().body(body(url(), List.of("key-result.progress-changed", "okr.key-result.progress-changed"), SECRET))
                .post("/api/v1/webhooks").then().statusCode(400)
                .body("errors[0].field", is("events"))
                .body("errors[0].message", containsString("cycle.phase-changed"));
        asMember().body(body(url(), List.of("task.exploded"), SECRET)).post("/api/v1/webhooks")
                .then().statusCode(400).body("errors[0].field", is("events"))
                .body("errors[0].message", containsString("task.completed"));
        asMember().body(body(url(), List.of(), SECRET)).post("/api/v1/webhooks")
                .then().statusCode(400).body("errors[0].field", containsString("events"));
        // a huge name is refused by its length, not echoed back in full
        String huge = "x".repeat(100_000);
        String answer = asMember().body(body(url(), List.of(huge), SECRET)).post("/api/v1/webhooks")
                .then().statusCode(400).body("errors[0].field", containsString("events")).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(answer.length() < 2_000, "answer of " + answer.length() + " chars");
    }

    @Test
    void aShortOrMissingSecretIsRefused() {
        asMember().body(body(url(), List.of("cycle.phase-changed"), "short")).post("/api/v1/webhooks")
                .then().statusCode(400).body("errors[0].field", containsString("secret"));
        asMember().body(Map.of("url", url(), "events", List.of("cycle.phase-changed"))).post("/api/v1/webhooks")
                .then().statusCode(400).body("errors[0].field", containsString("secret"));
    }

    @Test
    void viewersAndIntegratorsMayNeitherSubscribeNorRead() {
        asViewer().body(body(url(), List.of("cycle.phase-changed"), SECRET)).post("/api/v1/webhooks")
                .then().statusCode(403);
        // the refusal says which role would do
        asViewer().get("/api/v1/webhooks").then().statusCode(403).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.equalTo("Requires role admin or member"));
        String id = asMember().body(body(url(), List.of("cycle.phase-changed"), SECRET)).post("/api/v1/webhooks")
                .then().statusCode(201).extract().path("id");
        asViewer().get("/api/v1/webhooks/" + id).then().statusCode(403);
        asViewer().get("/api/v1/webhooks/" + id + "/deliveries").then().statusCode(403);
        asViewer().delete("/api/v1/webhooks/" + id).then().statusCode(403);
        as("ivy", "integrator").get("/api/v1/webhooks").then().statusCode(403);
        io.restassured.RestAssured.given().get("/api/v1/webhooks").then().statusCode(401);
    }

    @Test
    void oneSubscriptionPerUrl() {
        String url = url();
        asMember().body(body(url, List.of("cycle.phase-changed"), SECRET)).post("/api/v1/webhooks")
                .then().statusCode(201);
        asAdmin().body(body(url, List.of("objective.progress-changed"), SECRET)).post("/api/v1/webhooks")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void deleteHonoursIfMatchAndRemovesTheWebhook() {
        String id = asMember().body(body(url(), List.of("cycle.phase-changed"), SECRET)).post("/api/v1/webhooks")
                .then().statusCode(201).extract().path("id");
        asMember().header("If-Match", "\"7\"").delete("/api/v1/webhooks/" + id).then().statusCode(412);
        asMember().header("If-Match", "\"0\"").delete("/api/v1/webhooks/" + id).then().statusCode(204);
        asMember().get("/api/v1/webhooks/" + id).then().statusCode(404);
        asMember().get("/api/v1/webhooks/" + id + "/deliveries").then().statusCode(404);
        asMember().delete("/api/v1/webhooks/" + id).then().statusCode(404);
    }

    @Test
    void resumingAnActiveWebhookChangesNothingAndTheLogStartsEmpty() {
        String id = asMember().body(body(url(), List.of("cycle.phase-changed"), SECRET)).post("/api/v1/webhooks")
                .then().statusCode(201).extract().path("id");
        asMember().post("/api/v1/webhooks/" + id + "/resume").then().statusCode(200)
                .body("status", is("ACTIVE")).body("version", is(0));
        asMember().get("/api/v1/webhooks/" + id + "/deliveries").then().statusCode(200)
                .body("items.size()", is(0)).body("totalItems", is(0));
        asMember().get("/api/v1/webhooks/" + UUID.randomUUID() + "/deliveries").then().statusCode(404);
        asMember().get("/api/v1/webhooks/" + id + "/deliveries?size=500").then().statusCode(400);
    }

    @Test
    void theOpenApiDocumentsWebhooks() {
        io.restassured.RestAssured.given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/webhooks'.post.responses.'201'", notNullValue())
                .body("paths.'/api/v1/webhooks'.post.responses.'409'", notNullValue())
                .body("paths.'/api/v1/webhooks'.post.responses.'422'", notNullValue())
                .body("paths.'/api/v1/webhooks/{id}/deliveries'.get", notNullValue());
    }

    @Test
    void theListSortsByUrlEitherWayAndRefusesOtherFields() {
        deleteAllWebhooks();
        String first = asMember().body(body("https://hooks.example.com/b-" + UUID.randomUUID(),
                List.of("key-result.progress-changed"), SECRET)).post("/api/v1/webhooks")
                .then().statusCode(201).extract().path("id");
        String second = asMember().body(body("https://hooks.example.com/a-" + UUID.randomUUID(),
                List.of("key-result.progress-changed"), SECRET)).post("/api/v1/webhooks")
                .then().statusCode(201).extract().path("id");

        asMember().get("/api/v1/webhooks").then().statusCode(200).body("items.id", contains(first, second));
        asMember().queryParam("sort", "url").get("/api/v1/webhooks")
                .then().statusCode(200).body("items.id", contains(second, first));
        asMember().queryParam("sort", "-createdAt,url").get("/api/v1/webhooks")
                .then().statusCode(200).body("items.id", contains(second, first));
        asMember().queryParam("sort", "-url").get("/api/v1/webhooks")
                .then().statusCode(200).body("items.id", contains(first, second));
        asMember().queryParam("sort", "secret").get("/api/v1/webhooks")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", is("sort"));
    }
}

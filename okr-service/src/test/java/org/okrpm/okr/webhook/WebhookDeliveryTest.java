package org.okrpm.okr.webhook;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.okrpm.kit.testing.TestTokens.asMember;
import static org.okrpm.okr.OkrFixtures.cycle;
import static org.okrpm.okr.OkrFixtures.keyResult;
import static org.okrpm.okr.OkrFixtures.objective;
import static org.okrpm.okr.OkrFixtures.setCurrentValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.okrpm.kit.testing.TestEvents;

/**
 * Webhooks end to end inside okr-service: a change is committed, its event goes through the outbox and the
 * real broker, becomes a delivery, and a local HTTP receiver gets it signed — retried, in order, logged.
 */
@QuarkusTest
class WebhookDeliveryTest {

    private static final String SECRET = "receiver-shared-secret-0123456789";
    private static WebhookReceiver receiver;

    @BeforeAll
    static void startReceiver() {
        receiver = WebhookReceiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop();
    }

    @AfterEach
    void cleanUp() {
        WebhookResourceTest.deleteAllWebhooks();
    }

    private static String subscribe(String url, String... events) {
        return asMember().body(Map.of("url", url, "events", List.of(events), "secret", SECRET))
                .post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
    }

    private static JsonPath deliveries(String webhookId) {
        return asMember().get("/api/v1/webhooks/" + webhookId + "/deliveries").then().statusCode(200)
                .extract().jsonPath();
    }

    private static String manualKeyResult() {
        return keyResult(objective(cycle()), 0, 100);
    }

    /** Computed here independently of the service's own signing code. */
    private static String expectedSignature(byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    private static List<Double> progressOf(List<WebhookReceiver.Received> requests) {
        return requests.stream().map(r -> JsonPath.from(r.bodyText()).getDouble("data.progress")).toList();
    }

    private static List<WebhookReceiver.Received> awaitDelivered(String path, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.deliveredAt(path).size() >= count);
        return receiver.deliveredAt(path);
    }

    @Test
    void aProgressChangeArrivesAsASignedStructuredCloudEvent() throws Exception {
        String path = "/signed/" + UUID.randomUUID();
        String webhookId = subscribe(receiver.url(path), "key-result.progress-changed");
        String kr = manualKeyResult();
        setCurrentValue(kr, 25);

        WebhookReceiver.Received request = awaitDelivered(path, 1).get(0);
        assertThat(request.header("Content-Type"), is("application/cloudevents+json"));
        assertThat(request.header("X-Signature-256"), is(expectedSignature(request.body())));
        JsonPath event = JsonPath.from(request.bodyText());
        assertThat(event.getString("specversion"), is("1.0"));
        assertThat(event.getString("type"), is("okr.key-result.progress-changed"));
        assertThat(event.getString("source"), is("/okr-service"));
        assertThat(event.getString("subject"), is(kr));
        assertThat(event.getString("datacontenttype"), is("application/json"));
        assertThat(Instant.parse(event.getString("time")), notNullValue());
        assertThat(event.getString("id"), is(request.header("X-Webhook-Id")));
        assertThat(request.header("X-Webhook-Attempt"), is("1"));
        assertThat(event.getString("data.id"), is(kr));
        assertThat(event.getDouble("data.progress"), is(0.25));
        assertThat(event.getDouble("data.currentValue"), is(25.0));
        // a tampered body would not verify
        assertThat(expectedSignature((request.bodyText() + " ").getBytes(StandardCharsets.UTF_8)),
                not(is(request.header("X-Signature-256"))));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(deliveries(webhookId).getString("items[0].status"), is("DELIVERED")));
        String log = asMember().get("/api/v1/webhooks/" + webhookId + "/deliveries").then().statusCode(200)
                .body("totalItems", is(1))
                .body("items[0].eventId", is(event.getString("id")))
                .body("items[0].type", is("okr.key-result.progress-changed"))
                .body("items[0].subject", is(kr))
                .body("items[0].attemptCount", is(1))
                .body("items[0].nextAttemptAt", nullValue())
                .body("items[0].deliveredAt", notNullValue())
                .body("items[0].attempts[0].statusCode", is(200))
                .body("items[0].attempts[0].durationMs", greaterThanOrEqualTo(0))
                .body("items[0].attempts[0].error", nullValue())
                .extract().asString();
        // the receiver's answer is never echoed back, and only the subscribed type was sent
        assertThat(log, not(containsString("must never be echoed")));
        assertThat(receiver.at(path), hasSize(1));
    }

    @Test
    void aReceiverAnswering500TwiceGetsItOnTheThirdAttempt() throws Exception {
        String path = "/flaky/" + UUID.randomUUID();
        receiver.answer(path, 500, 500);
        String webhookId = subscribe(receiver.url(path), "key-result.progress-changed");
        setCurrentValue(manualKeyResult(), 40);

        awaitDelivered(path, 1);
        List<WebhookReceiver.Received> all = receiver.at(path);
        assertThat(all.stream().map(WebhookReceiver.Received::answeredWith).toList(), is(List.of(500, 500, 200)));
        assertThat(all.stream().map(r -> r.header("X-Webhook-Attempt")).toList(), is(List.of("1", "2", "3")));
        // every retry sends the same bytes with the same signature
        assertThat(all.stream().map(WebhookReceiver.Received::bodyText).distinct().toList(), hasSize(1));
        assertThat(all.get(2).header("X-Signature-256"), is(expectedSignature(all.get(0).body())));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonPath log = deliveries(webhookId);
            assertThat(log.getString("items[0].status"), is("DELIVERED"));
            assertThat(log.getInt("items[0].attemptCount"), is(3));
            assertThat(log.getList("items[0].attempts.statusCode"), is(List.of(500, 500, 200)));
        });
    }

    @Test
    void aReceiverThatWasDownGetsItOnceItIsBack() {
        WebhookReceiver down = WebhookReceiver.start();
        String path = "/down/" + UUID.randomUUID();
        String webhookId = subscribe(down.url(path), "key-result.progress-changed");
        down.stop();
        try {
            setCurrentValue(manualKeyResult(), 60);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonPath log = deliveries(webhookId);
                assertThat(log.getString("items[0].status"), is("FAILED_RETRYING"));
                assertThat(log.getInt("items[0].attemptCount"), greaterThanOrEqualTo(2));
                // 127.0.0.1 is not a public address: a refused connection is logged without detail or time
                assertThat(log.getString("items[0].attempts[0].error"), is("unreachable"));
                assertThat(log.getLong("items[0].attempts[0].durationMs"), is(0L));
                assertThat(log.get("items[0].attempts[0].statusCode"), nullValue());
                assertThat(log.getString("items[0].nextAttemptAt"), notNullValue());
            });
            asMember().get("/api/v1/webhooks/" + webhookId).then().body("failingSince", notNullValue())
                    .body("status", is("ACTIVE"));
        } finally {
            down.restart();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> down.deliveredAt(path).size() == 1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(deliveries(webhookId).getString("items[0].status"), is("DELIVERED")));
        asMember().get("/api/v1/webhooks/" + webhookId).then().body("failingSince", nullValue());
        down.stop();
    }

    @Test
    void changesOfOneKeyResultArriveInOrderEvenWhenTheFirstNeedsRetries() {
        String path = "/ordered/" + UUID.randomUUID();
        receiver.answer(path, 500, 503, 500);
        String webhookId = subscribe(receiver.url(path), "key-result.progress-changed");
        String kr = manualKeyResult();
        setCurrentValue(kr, 10);
        setCurrentValue(kr, 20);
        setCurrentValue(kr, 30);

        assertThat(progressOf(awaitDelivered(path, 3)), is(List.of(0.1, 0.2, 0.3)));
        // nothing of a later change went out while the first one was still being retried
        assertThat(progressOf(receiver.at(path)), is(List.of(0.1, 0.1, 0.1, 0.1, 0.2, 0.3)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonPath log = deliveries(webhookId);
            assertThat(log.getList("items.status"), is(List.of("DELIVERED", "DELIVERED", "DELIVERED")));
            // newest first
            assertThat(log.getList("items.attemptCount"), is(List.of(1, 1, 4)));
        });
    }

    @Test
    void aSubscriptionFailingForTooLongIsPausedKeepsItsDeliveriesAndResumes() {
        String path = "/paused/" + UUID.randomUUID();
        receiver.answer(path, java.util.Collections.nCopies(10_000, 500).toArray(Integer[]::new));
        String webhookId = subscribe(receiver.url(path), "key-result.progress-changed");
        setCurrentValue(manualKeyResult(), 70);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                asMember().get("/api/v1/webhooks/" + webhookId).then().body("failingSince", notNullValue()));

        // as if the receiver had been failing for a day (the pause-after default is 24 h)
        QuarkusTransaction.requiringNew().run(() -> WebhookSubscription.update("failingSince = ?1 where id = ?2",
                Instant.now().minus(Duration.ofHours(25)), UUID.fromString(webhookId)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                asMember().get("/api/v1/webhooks/" + webhookId).then().body("status", is("PAUSED"))
                        .body("pausedAt", notNullValue()));
        asMember().get("/api/v1/webhooks?status=PAUSED").then().body("items.id", org.hamcrest.Matchers.hasItem(webhookId));
        JsonPath log = deliveries(webhookId);
        assertThat(log.getString("items[0].status"), is("FAILED_RETRYING"));
        int attemptsWhenPaused = log.getInt("items[0].attemptCount");

        receiver.clear(path); // the receiver is healthy again
        asMember().post("/api/v1/webhooks/" + webhookId + "/resume").then().statusCode(200)
                .body("status", is("ACTIVE")).body("failingSince", nullValue()).body("pausedAt", nullValue());
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.deliveredAt(path).size() == 1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonPath after = deliveries(webhookId);
            assertThat(after.getString("items[0].status"), is("DELIVERED"));
            assertThat(after.getInt("items[0].attemptCount"), greaterThanOrEqualTo(attemptsWhenPaused + 1));
        });
    }

    @Test
    void aDeliveryFailingPastTheGiveUpTimeIsFailedAndNoLongerHoldsBackItsSubject() {
        String path = "/poison/" + UUID.randomUUID();
        receiver.answer(path, java.util.Collections.nCopies(10_000, 400).toArray(Integer[]::new));
        String webhookId = subscribe(receiver.url(path), "key-result.progress-changed");
        String kr = manualKeyResult();
        setCurrentValue(kr, 10);
        await().atMost(Duration.ofSeconds(30)).until(() -> deliveries(webhookId).getInt("items[0].attemptCount") >= 1);

        // as if this one delivery had been refused for three days (the give-up-after default is 72 h)
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            QuarkusTransaction.requiringNew().run(() -> WebhookDelivery.update(
                    "firstAttemptAt = ?1 where subscriptionId = ?2 and status = ?3",
                    Instant.now().minus(Duration.ofHours(73)), UUID.fromString(webhookId),
                    DeliveryStatus.FAILED_RETRYING));
            JsonPath log = deliveries(webhookId);
            assertThat(log.getString("items[0].status"), is("FAILED"));
            assertThat(log.get("items[0].nextAttemptAt"), nullValue());
            assertThat(log.getInt("items[0].attempts[-1].statusCode"), is(400));
        });

        receiver.clear(path);
        setCurrentValue(kr, 20);
        assertThat(progressOf(awaitDelivered(path, 1)), is(List.of(0.2)));
        asMember().get("/api/v1/webhooks/" + webhookId).then().body("status", is("ACTIVE"));
    }

    @Test
    void aDeliveryLeftPendingInTheDatabaseIsSentWithoutAnyWakeUp() throws Exception {
        // What a crash leaves behind: a delivery committed by the consumer, claimed by a dispatcher that died
        // mid-send (its lease still running, one attempt counted). Nothing in memory knows about it.
        String path = "/crashed/" + UUID.randomUUID();
        String webhookId = subscribe(receiver.url(path), "cycle.phase-changed");
        String eventId = UUID.randomUUID().toString();
        String body = "{\"specversion\":\"1.0\",\"id\":\"" + eventId + "\",\"source\":\"/okr-service\","
                + "\"type\":\"okr.cycle.phase-changed\",\"time\":\"2026-11-25T10:15:30.123Z\",\"subject\":\"c-1\","
                + "\"datacontenttype\":\"application/json\",\"data\":{\"id\":\"c-1\",\"phase\":\"EXECUTION\"}}";
        QuarkusTransaction.requiringNew().run(() -> {
            WebhookDelivery delivery = new WebhookDelivery();
            delivery.subscriptionId = UUID.fromString(webhookId);
            delivery.eventId = eventId;
            delivery.eventType = "okr.cycle.phase-changed";
            delivery.subject = "c-1";
            delivery.body = body;
            delivery.status = DeliveryStatus.FAILED_RETRYING;
            delivery.attempts = 1;
            delivery.createdAt = Instant.now().minusSeconds(60);
            delivery.firstAttemptAt = Instant.now().minusSeconds(60);
            delivery.nextAttemptAt = Instant.now().minusSeconds(1);
            delivery.leaseUntil = Instant.now().plusSeconds(1);
            delivery.persist();
        });

        WebhookReceiver.Received request = awaitDelivered(path, 1).get(0);
        assertThat(request.bodyText(), is(body));
        assertThat(request.header("X-Signature-256"), is(expectedSignature(body.getBytes(StandardCharsets.UTF_8))));
        assertThat(request.header("X-Webhook-Attempt"), is("2"));
        assertThat(receiver.at(path), hasSize(1));
    }

    @Test
    void aRedeliveredEventIsSentOnce() {
        String path = "/redelivered/" + UUID.randomUUID();
        subscribe(receiver.url(path), "key-result.progress-changed");
        String kr = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        String snapshot = "{\"id\":\"" + kr + "\",\"progress\":0.5,\"version\":3}";
        TestEvents.publish("okr.key-results", kr, "okr.key-result.progress-changed", snapshot, eventId);
        TestEvents.publish("okr.key-results", kr, "okr.key-result.progress-changed", snapshot, eventId);
        String barrier = TestEvents.publish("okr.key-results", kr, "okr.key-result.progress-changed",
                "{\"id\":\"" + kr + "\",\"progress\":0.75,\"version\":4}");

        List<WebhookReceiver.Received> delivered = awaitDelivered(path, 2);
        assertThat(delivered.stream().map(r -> r.header("X-Webhook-Id")).toList(), is(List.of(eventId, barrier)));
        assertThat(receiver.at(path), hasSize(2));
    }
}

package org.okrpm.okr.webhook;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sender connects to the address the policy vetted and resolves nothing itself (DNS rebinding), keeps the
 * URL's name in the Host header, and logs no detail about addresses that are not public (port scanning).
 */
class WebhookSenderTest {

    private static Vertx vertx;
    private static WebhookReceiver receiver;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        receiver = WebhookReceiver.start();
    }

    @AfterAll
    static void stop() throws Exception {
        receiver.stop();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static WebhookSender sender(DestinationPolicy policy) {
        return new WebhookSender(vertx, Duration.ofSeconds(2), policy);
    }

    private static WebhookDispatcher.Claim claim(String url) {
        return new WebhookDispatcher.Claim(1L, UUID.randomUUID().toString(), 1, url, "secret-0123456789abcdef",
                "{\"id\":\"e1\"}");
    }

    private static WebhookSender.Outcome send(WebhookSender sender, String url) throws Exception {
        return sender.send(claim(url)).get(10, TimeUnit.SECONDS);
    }

    @Test
    void theVettedAddressIsTheOneConnectedToEvenWhenTheNameRebindsAfterwards() throws Exception {
        // "rebind.okrpm.invalid" exists only in this resolver: first the receiver's address, then anything else.
        // Had the HTTP client resolved the name itself, the system DNS would not know it and nothing would arrive.
        AtomicInteger lookups = new AtomicInteger();
        DestinationPolicy rebinding = new DestinationPolicy(true, host -> {
            if (!host.equals("rebind.okrpm.invalid")) {
                throw new UnknownHostException(host);
            }
            return new InetAddress[] {InetAddress.getByName(lookups.getAndIncrement() == 0 ? "127.0.0.1" : "10.9.9.9")};
        });
        String path = "/rebind/" + UUID.randomUUID();

        WebhookSender.Outcome outcome = send(sender(rebinding), "http://rebind.okrpm.invalid:" + receiver.port() + path);

        assertThat(outcome.statusCode(), is(200));
        assertThat(lookups.get(), is(1));
        assertThat(receiver.at(path), hasSize(1));
        assertThat(receiver.at(path).get(0).header("Host"), is("rebind.okrpm.invalid:" + receiver.port()));
        assertThat(receiver.at(path).get(0).bodyText(), is("{\"id\":\"e1\"}"));
    }

    @Test
    void inProductionANameResolvingToAPrivateAddressIsNeverContacted() throws Exception {
        DestinationPolicy production = new DestinationPolicy(false,
                host -> new InetAddress[] {InetAddress.getByName("127.0.0.1")});
        String path = "/refused/" + UUID.randomUUID();

        WebhookSender.Outcome outcome = send(sender(production), "http://looks-public.example.com:" + receiver.port() + path);

        assertThat(outcome.error(), is("destination not allowed"));
        assertThat(outcome.statusCode(), nullValue());
        assertThat(receiver.at(path), hasSize(0));
    }

    @Test
    void aClosedPortOnANonPublicAddressIsLoggedWithoutDetailOrTime() throws Exception {
        WebhookReceiver closed = WebhookReceiver.start();
        closed.stop();
        DestinationPolicy allowingPrivate = new DestinationPolicy(true, InetAddress::getAllByName);

        WebhookSender.Outcome outcome = send(sender(allowingPrivate), closed.url("/x"));

        assertThat(outcome.error(), is(WebhookSender.UNREACHABLE));
        assertThat(outcome.durationMs(), is(0L));
        assertThat(outcome.statusCode(), nullValue());
    }
}

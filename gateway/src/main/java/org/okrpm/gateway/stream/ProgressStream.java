package org.okrpm.gateway.stream;

import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.okrpm.gateway.GatewayConfig;
import org.okrpm.gateway.routing.ProxyRoutes;
import org.okrpm.kit.envelope.IncomingEvent;
import org.okrpm.kit.tracing.EventTracing;

/**
 * {@code GET /api/v1/stream}: progress changes of key results and objectives as server-sent events. Every
 * gateway replica consumes {@code okr.key-results} and {@code okr.objectives} in a consumer group of its own
 * (latest offsets: a stream shows what happens from now on) and pushes the progress changes to its clients,
 * filtered by {@code ?objectiveId=} or {@code ?cycleId=}. A comment line every heartbeat interval keeps
 * proxies from closing idle streams and reveals dead clients, which are dropped.
 */
@ApplicationScoped
public class ProgressStream {

    public static final String PATH = "/api/v1/stream";

    /** A connected client: its response, the event-loop context that owns it, and its filter. */
    record Subscriber(HttpServerResponse response, Context context, String objectiveId, String cycleId) {

        void send(String frame) {
            context.runOnContext(v -> {
                if (response.closed() || response.ended()) {
                    return;
                }
                if (response.writeQueueFull()) {
                    // a client that cannot keep up is dropped; it reconnects and reads on from now
                    response.reset();
                    return;
                }
                response.write(frame);
            });
        }
    }

    @Inject
    Vertx vertx;

    @Inject
    GatewayConfig config;

    @Inject
    EventTracing tracing;

    @ConfigProperty(name = "mp.messaging.incoming.progress.group.id")
    String group;

    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private long heartbeatTimer = -1;

    void register(@Observes Router router) {
        router.get(PATH).order(ProxyRoutes.ORDER + 10).handler(this::subscribe);
        heartbeatTimer = vertx.setPeriodic(config.stream().heartbeat().toMillis(), id -> heartbeat());
    }

    void stop(@Observes ShutdownEvent event) {
        vertx.cancelTimer(heartbeatTimer);
        subscribers.forEach(subscriber -> subscriber.context().runOnContext(v -> subscriber.response().end()));
        subscribers.clear();
    }

    void subscribe(RoutingContext ctx) {
        HttpServerResponse response = ctx.response();
        Subscriber subscriber = new Subscriber(response, vertx.getOrCreateContext(),
                blankToNull(ctx.request().getParam("objectiveId")), blankToNull(ctx.request().getParam("cycleId")));
        response.setChunked(true)
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/event-stream; charset=utf-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
                .putHeader("X-Accel-Buffering", "no");
        response.closeHandler(v -> subscribers.remove(subscriber));
        response.exceptionHandler(e -> subscribers.remove(subscriber));
        subscribers.add(subscriber);
        // sends the headers at once, so the client knows it is subscribed
        response.write(": connected\nretry: 3000\n\n");
    }

    /** A poll's records at once: one pass over the subscribers per progress change. */
    @Incoming("progress")
    public void onEvents(ConsumerRecords<String, String> records) {
        for (ConsumerRecord<String, String> record : records) {
            IncomingEvent event = IncomingEvent.of(record);
            // with tracing on, the push ends the trace of the change (gateway → owner → Kafka → … → stream)
            ProgressEvent.of(event).ifPresent(progress -> tracing.process(event, group, () -> push(progress)));
        }
    }

    private void push(ProgressEvent event) {
        for (Subscriber subscriber : subscribers) {
            if (event.matches(subscriber.objectiveId(), subscriber.cycleId())) {
                subscriber.send(event.frame());
            }
        }
    }

    void heartbeat() {
        subscribers.removeIf(subscriber -> subscriber.response().closed());
        subscribers.forEach(subscriber -> subscriber.send(": heartbeat\n\n"));
    }

    /** How many clients are connected (for tests and metrics). */
    public int subscriberCount() {
        return subscribers.size();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

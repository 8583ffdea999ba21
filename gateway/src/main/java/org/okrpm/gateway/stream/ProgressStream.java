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
import org.okrpm.gateway.security.Caller;
import org.okrpm.kit.envelope.IncomingEvent;
import org.okrpm.kit.http.ProblemJson;
import org.okrpm.kit.problem.ProblemType;
import org.okrpm.kit.tracing.EventTracing;

/**
 * {@code GET /api/v1/stream}: progress changes of key results and objectives as server-sent events. Every
 * gateway replica consumes {@code okr.key-results} and {@code okr.objectives} in a consumer group of its own
 * (latest offsets: a stream shows what happens from now on) and pushes the progress changes to its clients,
 * filtered by {@code ?objectiveId=} or {@code ?cycleId=}. A comment line every heartbeat interval keeps
 * proxies from closing idle streams and reveals dead clients, which are dropped.
 *
 * <p>Streams are capped per caller and per replica ({@link StreamSlots}; beyond, 429), and each is ended after
 * {@code okrpm.gateway.stream.max-lifetime}: the client reconnects (it was told {@code retry: 3000}).
 */
@ApplicationScoped
public class ProgressStream {

    public static final String PATH = "/api/v1/stream";

    /** A connected client: its response, the event-loop context that owns it, its filter, whose it is, since when. */
    record Subscriber(HttpServerResponse response, Context context, String objectiveId, String cycleId,
                      String caller, long openedAt) {

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
    private StreamSlots slots;

    void register(@Observes Router router) {
        slots = new StreamSlots(config.stream().maxPerCaller(), config.stream().maxTotal());
        router.get(PATH).order(ProxyRoutes.ORDER + 10).handler(this::subscribe);
        heartbeatTimer = vertx.setPeriodic(config.stream().heartbeat().toMillis(), id -> heartbeat());
    }

    void stop(@Observes ShutdownEvent event) {
        vertx.cancelTimer(heartbeatTimer);
        subscribers.forEach(subscriber -> subscriber.context().runOnContext(v -> subscriber.response().end()));
        subscribers.clear();
    }

    void subscribe(RoutingContext ctx) {
        String caller = Caller.of(ctx).clientKey(ctx);
        StreamSlots.Refusal refusal = slots.tryOpen(caller);
        if (refusal != null) {
            // a slot frees when a client hangs up; a dead one is found by a failed heartbeat
            long retryAfter = Math.max(1, config.stream().heartbeat().toSeconds());
            ctx.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
            ProblemJson.end(ctx, ProblemType.TOO_MANY_REQUESTS, refusal == StreamSlots.Refusal.CALLER
                    ? "You have " + config.stream().maxPerCaller() + " streams open already; close one first"
                    : "The gateway serves as many streams as it can; retry after " + retryAfter + " s");
            return;
        }
        HttpServerResponse response = ctx.response();
        Subscriber subscriber = new Subscriber(response, vertx.getOrCreateContext(),
                blankToNull(ctx.request().getParam("objectiveId")), blankToNull(ctx.request().getParam("cycleId")),
                caller, System.nanoTime());
        response.setChunked(true)
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/event-stream; charset=utf-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
                .putHeader("X-Accel-Buffering", "no");
        subscribers.add(subscriber);
        response.closeHandler(v -> drop(subscriber));
        response.exceptionHandler(e -> drop(subscriber));
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

    /** Removes a subscriber and frees its slot, once, whichever of close, error or lifetime comes first. */
    private void drop(Subscriber subscriber) {
        if (subscribers.remove(subscriber)) {
            slots.release(subscriber.caller());
        }
    }

    void heartbeat() {
        long now = System.nanoTime();
        long maxLifetime = config.stream().maxLifetime().toNanos();
        for (Subscriber subscriber : subscribers) {
            if (subscriber.response().closed()) {
                drop(subscriber);
            } else if (now - subscriber.openedAt() >= maxLifetime) {
                // ended, not reset: the client sees a finished stream and reconnects after its retry delay
                drop(subscriber);
                subscriber.context().runOnContext(v -> {
                    if (!subscriber.response().closed() && !subscriber.response().ended()) {
                        subscriber.response().end();
                    }
                });
            } else {
                subscriber.send(": heartbeat\n\n");
            }
        }
    }

    /** How many clients are connected (for tests and metrics). */
    public int subscriberCount() {
        return subscribers.size();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

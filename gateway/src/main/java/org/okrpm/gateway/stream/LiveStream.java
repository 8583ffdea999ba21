package org.okrpm.gateway.stream;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.okrpm.gateway.GatewayConfig;
import org.okrpm.gateway.routing.ProxyRoutes;
import org.okrpm.gateway.security.Caller;
import org.okrpm.kit.envelope.IncomingEvent;
import org.okrpm.kit.http.ProblemJson;
import org.okrpm.kit.problem.Problem;
import org.okrpm.kit.problem.ProblemType;
import org.okrpm.kit.security.Claims;
import org.okrpm.kit.security.Roles;
import org.okrpm.kit.tracing.EventTracing;

/**
 * {@code GET /api/v1/stream}: every change a dashboard shows, as server-sent events. Every gateway replica
 * consumes the topics of {@link StreamEventTypes} ({@code mp.messaging.incoming.live.topics}) in a consumer group of its own (latest offsets: a stream
 * shows what happens from now on) and pushes each event to the clients whose {@link StreamFilter} it matches.
 *
 * <p>A client that reconnects with {@code Last-Event-ID} first gets what it missed from this replica's
 * {@link ReplayWindow}; when that event is no longer there, an {@code event: reset} telling it to refetch. A
 * comment line every heartbeat interval keeps proxies from closing idle streams and reveals dead clients, which
 * are dropped. Streams are capped per caller and per replica ({@link StreamSlots}; beyond, 429), and each is
 * ended after {@code okrpm.gateway.stream.max-lifetime}: the client reconnects (it was told {@code retry: 3000}).
 */
@ApplicationScoped
public class LiveStream {

    public static final String PATH = "/api/v1/stream";
    static final String LAST_EVENT_ID = "Last-Event-ID";

    /**
     * A connected client: its response, the event-loop context that owns it, its filter, who it is for (privacy),
     * whose slot it holds, since when.
     */
    record Subscriber(HttpServerResponse response, Context context, StreamFilter filter, StreamViewer viewer,
                      String caller, long openedAt) {

        boolean wants(StreamEvent event) {
            return filter.matches(event) && viewer.maySee(event);
        }

        void send(String frame) {
            context.runOnContext(v -> {
                if (response.closed() || response.ended()) {
                    return;
                }
                if (response.writeQueueFull()) {
                    // a client that cannot keep up is dropped; it reconnects with Last-Event-ID and catches up
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

    @Inject
    JWTParser jwtParser;

    @ConfigProperty(name = "mp.messaging.incoming.live.group.id")
    String group;

    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    /** Guards the window and the hand-over from replay to live events; never held while waiting for I/O. */
    private final Object lock = new Object();
    private ReplayWindow window;
    private long heartbeatTimer = -1;
    private StreamSlots slots;

    void register(@Observes Router router) {
        slots = new StreamSlots(config.stream().maxPerCaller(), config.stream().maxTotal());
        window = new ReplayWindow(config.stream().resume().capacity(), config.stream().resume().window(),
                System::nanoTime);
        router.get(PATH).order(ProxyRoutes.ORDER + 10).handler(this::subscribe);
        heartbeatTimer = vertx.setPeriodic(config.stream().heartbeat().toMillis(), id -> heartbeat());
    }

    void stop(@Observes ShutdownEvent event) {
        vertx.cancelTimer(heartbeatTimer);
        subscribers.forEach(subscriber -> subscriber.context().runOnContext(v -> subscriber.response().end()));
        subscribers.clear();
    }

    void subscribe(RoutingContext ctx) {
        StreamFilter filter;
        try {
            filter = StreamFilter.parse(ctx.queryParams());
        } catch (StreamFilter.Invalid invalid) {
            badRequest(ctx, invalid);
            return;
        }
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
        Subscriber subscriber = new Subscriber(response, vertx.getOrCreateContext(), filter,
                viewerOf(Caller.of(ctx)), caller, System.nanoTime());
        response.setChunked(true)
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/event-stream; charset=utf-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
                .putHeader("X-Accel-Buffering", "no");
        response.closeHandler(v -> drop(subscriber));
        response.exceptionHandler(e -> drop(subscriber));
        // sends the headers at once, so the client knows it is subscribed
        response.write(": connected\nretry: 3000\n\n");
        String lastEventId = ctx.request().getHeader(LAST_EVENT_ID);
        synchronized (lock) {
            // the replay is written now, on this event loop; live events are queued to it after, so none is lost
            if (lastEventId != null && !lastEventId.isBlank()) {
                Optional<List<StreamEvent>> missed = window.after(lastEventId.strip());
                if (missed.isPresent()) {
                    missed.get().stream().filter(subscriber::wants).forEach(event -> response.write(event.frame()));
                } else {
                    response.write(resetFrame());
                }
            }
            subscribers.add(subscriber);
        }
    }

    /** A poll's records at once: one pass over the subscribers per event. */
    @Incoming("live")
    public void onEvents(ConsumerRecords<String, String> records) {
        for (ConsumerRecord<String, String> record : records) {
            IncomingEvent event = IncomingEvent.of(record);
            // with tracing on, the push ends the trace of the change (gateway → owner → Kafka → … → stream)
            StreamEvent.of(record, event).ifPresent(live -> tracing.process(event, group, () -> push(live)));
        }
    }

    private void push(StreamEvent event) {
        synchronized (lock) {
            window.add(event);
            for (Subscriber subscriber : subscribers) {
                if (subscriber.wants(event)) {
                    subscriber.send(event.frame());
                }
            }
        }
    }

    /**
     * The caller's subject, teams and admin role. The edge verified the token already (the kit's parser remembers
     * it, so this parse is a lookup); an API key's exchanged token names no teams.
     */
    private StreamViewer viewerOf(Caller caller) {
        Set<String> teams = Set.of();
        if (caller.bearerToken() != null) {
            try {
                JsonWebToken jwt = jwtParser.parse(caller.bearerToken());
                teams = teamsOf(jwt.getClaim(Claims.TEAMS));
            } catch (ParseException e) {
                // cannot happen for a token the edge accepted; without teams the caller sees less, never more
            }
        }
        return new StreamViewer(caller.name(), teams, caller.roles().contains(Roles.ADMIN));
    }

    private static Set<String> teamsOf(Object claim) {
        Set<String> teams = new HashSet<>();
        if (claim instanceof jakarta.json.JsonArray array) {
            array.forEach(value -> {
                if (value instanceof jakarta.json.JsonString text) {
                    teams.add(text.getString());
                }
            });
        } else if (claim instanceof Collection<?> values) {
            values.forEach(value -> teams.add(String.valueOf(value)));
        }
        return teams;
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

    private String resetFrame() {
        // no id: the client keeps its Last-Event-ID until a real event replaces it
        return "event: reset\ndata: " + new JsonObject()
                .put("reason", "The events after your Last-Event-ID are no longer held (the gateway keeps the last "
                        + config.stream().resume().window().toMinutes() + " min, at most "
                        + config.stream().resume().capacity() + " events); refetch what you show")
                .encode() + "\n\n";
    }

    private static void badRequest(RoutingContext ctx, StreamFilter.Invalid invalid) {
        JsonObject problem = new JsonObject(ProblemJson.render(ProblemType.VALIDATION,
                invalid.parameter + " " + invalid.problem, ctx.request().path()))
                .put("errors", new JsonArray().add(new JsonObject()
                        .put("field", invalid.parameter).put("message", invalid.problem)));
        ctx.response().setStatusCode(400).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(problem.encode());
    }
}

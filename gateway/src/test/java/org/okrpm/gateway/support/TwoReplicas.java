package org.okrpm.gateway.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Two replicas of project-service, "a" and "b": small Vert.x HTTP servers the gateway is configured with
 * ({@code okrpm.gateway.upstream.project=<a>,<b>}, circuit breakers open for 1 s). Every answer names the replica
 * ({@code replica}) and echoes {@code method}, {@code path}, {@code bodyLength} and {@code body}; GETs answer after
 * 5 ms, so that some are in flight when a replica stops. {@code .../flaky} drops the connection without an answer
 * the first time a path is asked for (on whichever replica), and answers the next time.
 * <p>
 * Tests steer them through a control server (so it works whichever class loader runs the test):
 * {@link #stop(String)}, {@link #start(String)}, {@link #served()} (answers per replica) and {@link #hits(String)}
 * (requests for one path, per replica, answered or not).
 */
public class TwoReplicas implements QuarkusTestResourceLifecycleManager {

    private static final String CONTROL = "okrpm.test.replicas.control";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Vertx vertx;
    private final Map<String, Integer> ports = new ConcurrentHashMap<>();
    private final Map<String, HttpServer> servers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> served = new ConcurrentHashMap<>();
    private final Map<String, Map<String, AtomicInteger>> hits = new ConcurrentHashMap<>();
    private final Set<String> dropped = ConcurrentHashMap.newKeySet();

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        for (String name : new String[] {"a", "b"}) {
            ports.put(name, freePort());
            served.put(name, new AtomicInteger());
            await(listen(name));
        }
        HttpServer control = await(vertx.createHttpServer().requestHandler(this::control).listen(0, "localhost"));
        return Map.of(
                "okrpm.gateway.upstream.project", url("a") + "," + url("b"),
                "okrpm.gateway.circuit-breaker.open-for", "1s",
                CONTROL, "http://localhost:" + control.actualPort());
    }

    @Override
    public void stop() {
        if (vertx != null) {
            await(vertx.close());
        }
    }

    private String url(String name) {
        return "http://localhost:" + ports.get(name);
    }

    private Future<HttpServer> listen(String name) {
        return vertx.createHttpServer()
                .requestHandler(request -> replica(name, request))
                .listen(ports.get(name), "localhost")
                .onSuccess(server -> servers.put(name, server));
    }

    private void replica(String name, HttpServerRequest request) {
        String path = request.path();
        hits.computeIfAbsent(path, p -> new ConcurrentHashMap<>()).computeIfAbsent(name, n -> new AtomicInteger())
                .incrementAndGet();
        request.body().onSuccess(body -> {
            if (path.endsWith("/flaky") && dropped.add(path)) {
                request.connection().close(); // no answer at all: the connection breaks after the request was sent
                return;
            }
            JsonObject echo = new JsonObject().put("replica", name).put("method", request.method().name())
                    .put("path", path).put("bodyLength", body.length()).put("body", body.toString());
            Runnable answer = () -> {
                served.get(name).incrementAndGet();
                request.response().setStatusCode("POST".equals(request.method().name()) ? 201 : 200)
                        .putHeader("Content-Type", "application/json").end(echo.encode());
            };
            if ("GET".equals(request.method().name())) {
                vertx.setTimer(5, id -> answer.run());
            } else {
                answer.run();
            }
        });
    }

    private void control(HttpServerRequest request) {
        String[] parts = request.path().split("/", 3);
        String command = parts.length > 1 ? parts[1] : "";
        String argument = parts.length > 2 ? parts[2] : "";
        switch (command) {
            case "stop" -> {
                HttpServer server = servers.remove(argument);
                (server == null ? Future.succeededFuture() : server.close())
                        .onComplete(done -> request.response().end());
            }
            case "start" -> (servers.containsKey(argument) ? Future.succeededFuture() : listen(argument))
                    .onComplete(done -> request.response().setStatusCode(done.succeeded() ? 200 : 500).end());
            case "served" -> request.response().end(new JsonObject()
                    .put("a", served.get("a").get()).put("b", served.get("b").get()).encode());
            case "hits" -> {
                JsonObject counts = new JsonObject().put("a", 0).put("b", 0);
                hits.getOrDefault("/" + argument, Map.of())
                        .forEach((replica, count) -> counts.put(replica, count.get()));
                request.response().end(counts.encode());
            }
            default -> request.response().setStatusCode(404).end();
        }
    }

    // ---- used by the tests, over HTTP ----

    /** Stops replica {@code a} or {@code b} (if running): it stops listening and its open connections are closed. */
    public static void stop(String replica) {
        control("/stop/" + replica);
    }

    /** Starts a stopped replica again, on its port (nothing happens if it is running). */
    public static void start(String replica) {
        control("/start/" + replica);
    }

    /** Answers given so far, per replica. */
    public static JsonObject served() {
        return new JsonObject(control("/served"));
    }

    /** Requests received for {@code path} (with its leading slash), per replica, answered or not. */
    public static JsonObject hits(String path) {
        return new JsonObject(control("/hits" + path));
    }

    private static String control(String path) {
        String base = ConfigProvider.getConfig().getValue(CONTROL, String.class);
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(path + " failed: " + answer.statusCode());
            }
            return answer.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

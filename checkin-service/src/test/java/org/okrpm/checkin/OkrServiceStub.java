package org.okrpm.checkin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server standing in for okr-service's read API (the HTTP fallback's target): it answers the
 * JSON registered for a path, 404 otherwise, and records every request with its Authorization header. A path
 * can be made slow or failing. The test profile's okr-service replica list ({@code okrpm.lookup.okr-service.replicas})
 * names it.
 */
public class OkrServiceStub implements QuarkusTestResourceLifecycleManager {

    /** A request the stub received. */
    public record Received(String path, String authorization, String requestId) {
    }

    private static final Map<String, String> BODIES = new ConcurrentHashMap<>();
    private static final Map<String, Integer> STATUSES = new ConcurrentHashMap<>();
    private static final Map<String, Boolean> SLOW = new ConcurrentHashMap<>();
    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private static volatile CountDownLatch release = new CountDownLatch(1);
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "okr-service-stub");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", OkrServiceStub::handle);
        server.start();
        return Map.of("okrpm.test.okr-stub.url", "http://localhost:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        release.countDown();
        if (server != null) {
            server.stop(0);
        }
    }

    private static void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        RECEIVED.add(new Received(path, exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("X-Request-Id")));
        if (SLOW.containsKey(path)) {
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String body = BODIES.get(path);
        int status = STATUSES.getOrDefault(path, body == null ? 404 : 200);
        if (body == null) {
            body = "{\"status\":" + status + ",\"title\":\"stub\"}";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type",
                status == 200 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Answers {@code GET path} with 200 and {@code json}. */
    public static void answer(String path, String json) {
        BODIES.put(path, json);
    }

    /** Answers {@code GET path} with {@code status} (and a problem body). */
    public static void fail(String path, int status) {
        STATUSES.put(path, status);
    }

    /** Holds the answer to {@code GET path} for up to 5 s (until {@link #reset()}). */
    public static void slow(String path) {
        SLOW.put(path, true);
    }

    public static List<Received> received(String path) {
        return RECEIVED.stream().filter(r -> r.path().equals(path)).toList();
    }

    public static void reset() {
        release.countDown();
        release = new CountDownLatch(1);
        BODIES.clear();
        STATUSES.clear();
        SLOW.clear();
        RECEIVED.clear();
    }
}

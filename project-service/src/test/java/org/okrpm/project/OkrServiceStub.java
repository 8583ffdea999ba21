package org.okrpm.project;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A real HTTP server standing in for okr-service's {@code GET /api/v1/key-results/{id}}; project-service's
 * REST client is pointed at it (the test profile's {@code okrpm.lookup.okr-service.replicas}). Tests steer it
 * over HTTP too (so it works whichever class loader runs them):
 * <ul>
 *   <li>{@code PUT /_stub/key-results/{id}} with a JSON body: that key result is answered 200 with the body;</li>
 *   <li>{@code PUT /_stub/key-results/{id}?status=500} (or {@code ?delayMs=3000}): answered with that status,
 *       or only after that delay;</li>
 *   <li>{@code GET /_stub/seen/{id}}: {@code count|authorization|requestId} of the lookups of that id.</li>
 * </ul>
 * Any other id is a 404 problem, as okr-service answers for an unknown key result.
 */
public class OkrServiceStub implements QuarkusTestResourceLifecycleManager {

    private record Answer(int status, String body, long delayMs) {
    }

    private record Seen(int count, String authorization, String requestId) {
    }

    /** The stub's base URL; the test profile's okr-service replica list names it. */
    public static final String URL = "okrpm.test.okr-stub.url";
    private static final String LOOKUP = "/api/v1/key-results/";
    private static final String STUB = "/_stub/key-results/";
    private static final String SEEN = "/_stub/seen/";

    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, Seen> seen = new ConcurrentHashMap<>();
    private final AtomicInteger threads = new AtomicInteger();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "okr-service-stub-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", this::handle);
        server.start();
        return Map.of(URL, url());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getQuery();
            if (path.startsWith(STUB) && exchange.getRequestMethod().equals("PUT")) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                answers.put(path.substring(STUB.length()), new Answer(param(query, "status", 200), body,
                        param(query, "delayMs", 0)));
                respond(exchange, 204, null, null);
            } else if (path.startsWith(SEEN)) {
                Seen s = seen.getOrDefault(path.substring(SEEN.length()), new Seen(0, null, null));
                respond(exchange, 200, "text/plain", s.count() + "|" + s.authorization() + "|" + s.requestId());
            } else if (path.startsWith(LOOKUP) && exchange.getRequestMethod().equals("GET")) {
                String id = path.substring(LOOKUP.length());
                seen.merge(id, new Seen(1, exchange.getRequestHeaders().getFirst("Authorization"),
                                exchange.getRequestHeaders().getFirst("X-Request-Id")),
                        (old, now) -> new Seen(old.count() + 1, now.authorization(), now.requestId()));
                Answer answer = answers.get(id);
                if (answer == null) {
                    respond(exchange, 404, "application/problem+json", "{\"type\":\"https://okrpm.org/problems/"
                            + "not-found\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"Key result " + id
                            + " does not exist\"}");
                    return;
                }
                if (answer.delayMs() > 0) {
                    try {
                        Thread.sleep(answer.delayMs()); // the slow okr-service being simulated, not a test wait
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                respond(exchange, answer.status(), "application/json", answer.status() == 200 ? answer.body()
                        : "{\"status\":" + answer.status() + "}");
            } else {
                respond(exchange, 404, null, null);
            }
        }
    }

    private static int param(String query, String name, int fallback) {
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith(name + "=")) {
                    return Integer.parseInt(pair.substring(name.length() + 1));
                }
            }
        }
        return fallback;
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        try {
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (IOException e) {
            // the client gave up waiting (a timeout test): nothing to answer to
        }
    }

    // ---- used by the tests, over HTTP ----

    /** The stub's base URL, as the service under test is configured. */
    public static String baseUrl() {
        return ConfigProvider.getConfig().getValue(URL, String.class);
    }

    /** okr-service knows this key result: the lookup answers 200 with {@code json}. */
    public static void knows(String id, String json) {
        control("PUT", STUB + id, json);
    }

    /** The lookup of {@code id} answers {@code status}, after {@code delayMs}. */
    public static void answers(String id, int status, long delayMs) {
        control("PUT", STUB + id + "?status=" + status + "&delayMs=" + delayMs, "");
    }

    /** What the stub saw of the lookups of {@code id}. */
    public static Lookups seen(String id) {
        String[] parts = control("GET", SEEN + id, null).split("\\|", -1);
        return new Lookups(Integer.parseInt(parts[0]), "null".equals(parts[1]) ? null : parts[1],
                "null".equals(parts[2]) ? null : parts[2]);
    }

    public record Lookups(int count, String authorization, String requestId) {
    }

    /** A key result as okr-service's GET answers it. */
    public static String keyResultJson(String id, long version) {
        return "{\"id\":\"" + id + "\",\"objectiveId\":\"" + java.util.UUID.randomUUID() + "\",\"cycleId\":\""
                + java.util.UUID.randomUUID() + "\",\"title\":\"Activation rate 40 %\",\"metricType\":\"PERCENT\","
                + "\"startValue\":0,\"targetValue\":100,\"currentValue\":0,\"weight\":1,"
                + "\"progressSource\":\"TASKS\",\"progress\":0,\"version\":" + version + "}";
    }

    private static String control(String method, String path, String body) {
        try {
            java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(baseUrl() + path));
            request.method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                    : java.net.http.HttpRequest.BodyPublishers.ofString(body));
            return java.net.http.HttpClient.newHttpClient().send(request.build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

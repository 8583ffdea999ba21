package org.okrpm.gateway.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * An owner service stand-in: a real HTTP server answering with canned JSON. Any path it has no canned answer
 * for is echoed back ({@code owner}, {@code method}, {@code path}, {@code query}, the {@code headers} it
 * received, lower-cased, and the {@code bodyLength}), so tests see exactly what the gateway forwarded.
 * {@code .../missing} is a 404 problem with extra headers, {@code .../slow} answers after 3 s,
 * {@code .../broken} drops the connection without an answer.
 */
public final class StubOwner {

    public record Answer(int status, String contentType, Map<String, String> headers, String body) {
        static Answer json(int status, JsonObject body) {
            return new Answer(status, "application/json", Map.of(), body.encode());
        }
    }

    private static final AtomicInteger SLOW_REQUESTS_RECEIVED = new AtomicInteger();

    private final String name;
    private final List<String> paths;
    private final Function<HttpExchange, Answer> canned;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();

    public StubOwner(String name, List<String> paths, Function<HttpExchange, Answer> canned) throws IOException {
        this.name = name;
        this.paths = paths;
        this.canned = canned;
        this.server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** How many {@code .../slow} requests the stubs have received, so a test can tell one is in flight. */
    public static int slowRequestsReceived() {
        return SLOW_REQUESTS_RECEIVED.get();
    }

    public String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    public void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        if (path.endsWith("/broken")) {
            // uncaught: the JDK server closes the connection without writing a response
            throw new IllegalStateException("deliberately broken answer");
        }
        if (path.endsWith("/slow")) {
            SLOW_REQUESTS_RECEIVED.incrementAndGet();
            try {
                TimeUnit.SECONDS.sleep(3); // a deliberately slow owner, beyond the gateway's test timeout of 1 s
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Answer answer = answer(exchange, path, body);
        answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.getResponseHeaders().add("Content-Type", answer.contentType());
        exchange.getResponseHeaders().add("X-Request-Id",
                String.valueOf(exchange.getRequestHeaders().getFirst("X-Request-Id")));
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private Answer answer(HttpExchange exchange, String path, byte[] body) {
        if (path.equals("/q/openapi")) {
            return Answer.json(200, openApi());
        }
        if (path.endsWith("/missing")) {
            JsonObject problem = new JsonObject().put("type", "https://okrpm.org/problems/not-found")
                    .put("title", "Resource not found").put("status", 404)
                    .put("detail", name + " has no such thing").put("instance", path);
            return new Answer(404, "application/problem+json", Map.of("X-Owner-Trace", name, "ETag", "\"7\""),
                    problem.encode());
        }
        Answer specific = canned.apply(exchange);
        if (specific != null) {
            return specific;
        }
        JsonObject headers = new JsonObject();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
        JsonObject echo = new JsonObject().put("owner", name).put("method", exchange.getRequestMethod())
                .put("path", path).put("query", exchange.getRequestURI().getRawQuery())
                .put("headers", headers).put("bodyLength", body.length)
                .put("body", body.length < 1000 ? new String(body, StandardCharsets.UTF_8) : null);
        int status = "POST".equals(exchange.getRequestMethod()) ? 201 : 200;
        return new Answer(status, "application/json",
                status == 201 ? Map.of("Location", path + "/new-id") : Map.of(), echo.encode());
    }

    /** A small but real OpenAPI document naming this owner's paths. */
    private JsonObject openApi() {
        JsonObject pathItems = new JsonObject();
        for (String path : paths) {
            pathItems.put(path, new JsonObject().put("get", new JsonObject()
                    .put("operationId", name + path.replace('/', '_'))
                    .put("responses", new JsonObject().put("200", new JsonObject().put("description", "OK")
                            .put("content", new JsonObject().put("application/json", new JsonObject()
                                    .put("schema", new JsonObject().put("$ref", "#/components/schemas/Page"))))))));
        }
        JsonObject page = new JsonObject().put("type", "object").put("description", "page of " + name);
        return new JsonObject().put("openapi", "3.1.0")
                .put("info", new JsonObject().put("title", name).put("version", "1.0"))
                .put("tags", new JsonArray().add(new JsonObject().put("name", name)))
                .put("paths", pathItems)
                .put("components", new JsonObject().put("schemas", new JsonObject()
                        .put("Page", page)
                        .put(name.replace("-", "") + "Only", new JsonObject().put("type", "object"))));
    }
}

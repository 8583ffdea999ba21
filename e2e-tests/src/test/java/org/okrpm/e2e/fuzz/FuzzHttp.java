package org.okrpm.e2e.fuzz;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Raw HTTP to the gateway. The JDK's client rather than REST Assured: the fuzz pass sends bytes no JSON library
 * writes, chunked bodies and undecoded paths, thousands of times within its time budget.
 */
public final class FuzzHttp {

    /** How a body is sent. */
    public enum BodyMode { NONE, ANNOUNCED, CHUNKED }

    /** An answer; {@code status} -1 when none came (the connection broke, or it timed out). */
    public record Answer(int status, String contentType, String body, String failure) {

        boolean isStream() {
            return contentType.startsWith("text/event-stream");
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** What is read of an answer at most: every list the fuzz pass reads is far smaller. */
    private static final int MAX_READ = 2 * 1024 * 1024;

    private final String base;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public FuzzHttp(String gatewayUrl) {
        this.base = gatewayUrl;
    }

    /** {@code pathAndQuery} is sent as given (already encoded). */
    public Answer send(String method, String pathAndQuery, String token, String contentType, String body,
                       BodyMode mode) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(TIMEOUT);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpRequest.BodyPublisher publisher = HttpRequest.BodyPublishers.noBody();
        if (mode != BodyMode.NONE) {
            request.header("Content-Type", contentType);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            publisher = mode == BodyMode.ANNOUNCED ? HttpRequest.BodyPublishers.ofByteArray(bytes)
                    // no length: only the server's own limit can stop it
                    : HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
        }
        try {
            HttpResponse<InputStream> response = client.send(request.method(method, publisher).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            String type = response.headers().firstValue("Content-Type").orElse("");
            try (InputStream in = response.body()) {
                // a stream never ends by itself: its status and type are all there is to check
                String text = type.startsWith("text/event-stream") ? ""
                        : new String(in.readNBytes(MAX_READ), StandardCharsets.UTF_8);
                return new Answer(response.statusCode(), type, text, null);
            }
        } catch (IOException e) {
            return new Answer(-1, "", "", e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Answer get(String pathAndQuery, String token) {
        return send("GET", pathAndQuery, token, null, null, BodyMode.NONE);
    }

    public Answer postJson(String path, String token, String json) {
        return send("POST", path, token, "application/json", json, BodyMode.ANNOUNCED);
    }
}

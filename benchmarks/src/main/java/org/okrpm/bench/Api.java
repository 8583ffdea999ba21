package org.okrpm.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The public HTTP API as a client sees it: JSON in and out, a bearer token, failures as exceptions. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String token;

    private Api(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    /** A member's session on the gateway, with a dev token (local profile), as a frontend gets one. */
    static Api member(String gatewayUrl, String subject) {
        Api anonymous = new Api(gatewayUrl, null);
        String token = anonymous.send("POST", "/api/v1/auth/dev-token",
                Map.of("subject", subject, "roles", List.of("member")), 200).get("token").asText();
        return new Api(gatewayUrl, token);
    }

    String token() {
        return token;
    }

    JsonNode get(String path) {
        return send("GET", path, null, 200);
    }

    JsonNode post(String path, Object body, int expected) {
        return send("POST", path, body, expected);
    }

    JsonNode patch(String path, Object body) {
        return send("PATCH", path, body, 200);
    }

    /** A request builder with the token, for callers that handle the response themselves (SSE). */
    HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    HttpClient http() {
        return http;
    }

    private JsonNode send(String method, String path, Object body, int expected) {
        try {
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
            HttpRequest request = request(path).header("Content-Type", "application/json")
                    .method(method, publisher).build();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                        + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
            }
            return response.body().length == 0 ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}

package org.okrpm.chaos;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The drill's HTTP client (java.net.http): JSON in and out, decimals read as BigDecimal so "exactly N" means
 * exactly. Connection failures surface as {@link IOException}, for the caller to retry.
 */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String token;

    Api(String token) {
        this.token = token;
    }

    record Reply(int status, JsonNode body, Optional<String> etag, Optional<String> retryAfter, String raw) {

        boolean is(int expected) {
            return status == expected;
        }

        @Override
        public String toString() {
            return status + " " + (raw.length() > 400 ? raw.substring(0, 400) + "…" : raw);
        }
    }

    Reply get(String base, String path) throws IOException, InterruptedException {
        return send(request(base, path).GET().build());
    }

    Reply post(String base, String path, Object body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = request(base, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        headers.forEach(request::header);
        return send(request.build());
    }

    Reply mergePatch(String base, String path, Object body, String ifMatch, String idempotencyKey)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = request(base, path).header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request.build());
    }

    private HttpRequest.Builder request(String base, String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
    }

    private Reply send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        String raw = response.body() == null ? "" : response.body();
        JsonNode body;
        try {
            body = raw.isBlank() ? MissingNode.getInstance() : JSON.readTree(raw);
        } catch (IOException notJson) {
            body = MissingNode.getInstance();
        }
        return new Reply(response.statusCode(), body, response.headers().firstValue("ETag"),
                response.headers().firstValue("Retry-After"), raw);
    }
}

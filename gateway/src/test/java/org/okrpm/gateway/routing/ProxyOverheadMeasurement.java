package org.okrpm.gateway.routing;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.okrpm.kit.testing.TestTokens;

/**
 * Not a test: a rough measurement of what the gateway adds to a request (docs/gateway.md quotes it).
 * {@code ./mvnw -B -q verify -pl gateway -Dtest=ProxyOverheadMeasurement -Dokrpm.measure=true}
 */
@QuarkusTest
@TestProfile(ProxyOverheadMeasurement.Unlimited.class)
@EnabledIfSystemProperty(named = "okrpm.measure", matches = "true")
class ProxyOverheadMeasurement {

    /** 9,000 requests of one client in seconds would rightly be throttled otherwise. */
    public static class Unlimited implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("okrpm.gateway.rate-limit.enabled", "false");
        }
    }

    private static final int WARM_UP = 500;
    private static final int ROUNDS = 2_000;

    @TestHTTPResource("/api/v1/cycles/c1")
    URL viaGateway;

    @Test
    void measure() throws Exception {
        String token = TestTokens.token("bench", "member");
        URI direct = URI.create(ConfigProvider.getConfig().getValue("okrpm.test.stub.okr", String.class) + "/api/v1/cycles/c1");
        URI gateway = viaGateway.toURI();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        run(client, direct, token, WARM_UP);
        run(client, gateway, token, WARM_UP);
        for (int round = 0; round < 2; round++) {
            double directMicros = run(client, direct, token, ROUNDS);
            double gatewayMicros = run(client, gateway, token, ROUNDS);
            System.out.printf("OVERHEAD %d GETs: direct %.0f µs/request, via gateway %.0f µs/request, overhead %.0f µs%n",
                    ROUNDS, directMicros, gatewayMicros, gatewayMicros - directMicros);
        }
    }

    private static double run(HttpClient client, URI uri, String token, int count) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).GET().build();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("status " + response.statusCode());
            }
        }
        return (System.nanoTime() - start) / 1_000.0 / count;
    }
}

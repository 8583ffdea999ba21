package org.okrpm.gateway.tracing;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.okrpm.kit.testing.TestTokens.asMember;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With tracing on, the proxy hop is a span of the caller's trace: the owner gets the gateway's context (one
 * {@code traceparent}, the caller's trace id, the gateway's span as parent), never the caller's copy beside it.
 */
@QuarkusTest
@TestProfile(TracePropagationTest.Traced.class)
class TracePropagationTest {

    static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final String CALLER_SPAN = "00f067aa0ba902b7";

    public static class Traced implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // spans are made and propagated; none is exported (no collector in this test)
            return Map.of("quarkus.otel.sdk.disabled", "false", "quarkus.otel.traces.exporter", "none");
        }
    }

    @Test
    void theOwnerContinuesTheCallersTraceUnderTheGatewaysSpan() {
        asMember().header("traceparent", "00-" + TRACE_ID + "-" + CALLER_SPAN + "-01")
                .header("tracestate", "vendor=caller")
                .when().get("/api/v1/cycles/some-id")
                .then().statusCode(200)
                .body("headers.traceparent", matchesPattern("00-" + TRACE_ID + "-[0-9a-f]{16}-01"))
                .body("headers.traceparent", not(equalTo("00-" + TRACE_ID + "-" + CALLER_SPAN + "-01")))
                .body("headers.tracestate", equalTo("vendor=caller"));
    }

    @Test
    void aCallWithoutTraceContextStartsATraceAtTheGateway() {
        asMember().when().get("/api/v1/projects/some-id")
                .then().statusCode(200)
                .body("headers.traceparent", matchesPattern("00-[0-9a-f]{32}-[0-9a-f]{16}-01"))
                .body("headers.tracestate", nullValue());
    }
}

package org.okrpm.gateway.tracing;

import static org.hamcrest.Matchers.equalTo;
import static org.okrpm.kit.testing.TestTokens.asMember;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** With tracing off (the default), the gateway is transparent to a caller's trace context. */
@QuarkusTest
class TraceHeadersPassThroughTest {

    @Test
    void theCallersTraceContextReachesTheOwnerUntouched() {
        String traceparent = "00-" + TracePropagationTest.TRACE_ID + "-" + TracePropagationTest.CALLER_SPAN + "-01";
        asMember().header("traceparent", traceparent)
                .when().get("/api/v1/check-ins/some-id")
                .then().statusCode(200)
                .body("headers.traceparent", equalTo(traceparent));
    }
}

package org.okrpm.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.okrpm.e2e.TraceCollector.ReceivedSpan;

/**
 * One trace from a client's task PATCH to the key-result progress it moves: gateway → project-service → Kafka →
 * okr-service → Kafka, every hop a span of the same trace, exported over OTLP as ops would collect it.
 */
class TracingTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static RequestSpecification member() {
        return Stack.member("alice");
    }

    @Test
    void aTaskCompletionAndTheProgressItMovesShareOneTrace() {
        String cycleId = member().body(Map.of("name", "traced-" + UUID.randomUUID(), "startDate", "2026-10-01",
                "endDate", "2026-12-31")).post("/api/v1/cycles").then().statusCode(201).extract().path("id");
        member().body(Map.of("phase", "EXECUTION")).post("/api/v1/cycles/" + cycleId + "/phase").then().statusCode(200);
        String objectiveId = member().body(Map.of("cycleId", cycleId, "title", "Traced", "level", "TEAM"))
                .post("/api/v1/objectives").then().statusCode(201).extract().path("id");
        String kr = member().body(Map.of("title", "KR", "metricType", "NUMBER", "startValue", 0, "targetValue", 100,
                        "progressSource", "TASKS"))
                .post("/api/v1/objectives/" + objectiveId + "/key-results").then().statusCode(201).extract().path("id");
        String projectId = member().body(Map.of("name", "Traced", "keyResultIds", List.of(kr)))
                .post("/api/v1/projects").then().statusCode(201).extract().path("id");
        String task = member().body(Map.of("title", "Traced task", "keyResultId", kr))
                .post("/api/v1/projects/" + projectId + "/tasks").then().statusCode(201).extract().path("id");
        member().body(Map.of("title", "Other task", "keyResultId", kr))
                .post("/api/v1/projects/" + projectId + "/tasks").then().statusCode(201);

        // the client starts the trace, as an instrumented frontend or integration would
        String traceId = hex(16);
        String clientSpan = hex(8);
        member().header("traceparent", "00-" + traceId + "-" + clientSpan + "-01")
                .body(Map.of("status", "DONE")).patch("/api/v1/tasks/" + task).then().statusCode(200);
        await().atMost(WAIT).untilAsserted(() -> member().get("/api/v1/key-results/" + kr).then()
                .statusCode(200).body("progress", is(0.5)));

        await().atMost(WAIT).untilAsserted(() -> {
            List<ReceivedSpan> trace = Stack.traces().trace(traceId);
            ReceivedSpan edge = span(trace, "gateway", SpanKind.SPAN_KIND_SERVER, clientSpan);
            ReceivedSpan proxied = span(trace, "gateway", SpanKind.SPAN_KIND_CLIENT, edge.spanId());
            // the proxy hop passed the gateway's own context on, not the client's
            ReceivedSpan patch = span(trace, "project-service", SpanKind.SPAN_KIND_SERVER, proxied.spanId());
            // the rollup written in the PATCH's transaction is published in its trace
            ReceivedSpan rollup = span(trace, "project-service", SpanKind.SPAN_KIND_PRODUCER, patch.spanId(),
                    "publish project.key-result-work");
            ReceivedSpan applied = span(trace, "okr-service", SpanKind.SPAN_KIND_CONSUMER, rollup.spanId());
            assertEquals("process project.key-result-work", applied.name());
            ReceivedSpan progress = span(trace, "okr-service", SpanKind.SPAN_KIND_PRODUCER, applied.spanId(),
                    "publish okr.key-results");
            // and the gateway's live stream got the progress change within the same trace
            span(trace, "gateway", SpanKind.SPAN_KIND_CONSUMER, progress.spanId(), "process okr.key-results");
        });
    }

    private static ReceivedSpan span(List<ReceivedSpan> trace, String service, SpanKind kind, String parentSpanId) {
        return trace.stream()
                .filter(s -> s.service().equals(service) && s.kind() == kind && s.parentSpanId().equals(parentSpanId))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " span of " + service
                        + " under " + parentSpanId + " in " + trace));
    }

    private static ReceivedSpan span(List<ReceivedSpan> trace, String service, SpanKind kind, String parentSpanId,
                                     String name) {
        return trace.stream()
                .filter(s -> s.service().equals(service) && s.kind() == kind && s.parentSpanId().equals(parentSpanId)
                        && s.name().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " span '" + name + "' of " + service
                        + " under " + parentSpanId + " in " + trace));
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}

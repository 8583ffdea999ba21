package org.okrpm.e2e;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.okrpm.stack.LocalStack;

/**
 * The whole local stack, started once per test JVM on free ports in a fresh data folder under target/, and
 * stopped when the JVM ends. Tests talk to it only through the gateway, like any client. Tracing is on, exported to
 * a {@link TraceCollector}.
 */
final class Stack {

    private static LocalStack stack;
    private static String gateway;
    private static TraceCollector traces;
    private static final Map<String, String> MEMBER_TOKENS = new ConcurrentHashMap<>();

    private Stack() {
    }

    static synchronized LocalStack get() {
        if (stack == null) {
            Path root = Path.of(System.getProperty("okrpm.repo.root", ".."));
            try {
                Path data = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "e2e-data-");
                LocalStack.Ports ports = LocalStack.Ports.free();
                // tracing on, as ops would turn it on, with the spans sent to a collector of the tests' own
                traces = TraceCollector.start();
                stack = LocalStack.start(root, data, ports, false, true, traces.exportTo());
                gateway = "http://localhost:" + ports.gateway();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            LocalStack started = stack;
            TraceCollector collector = traces;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.close();
                collector.stop();
            }, "e2e-stack-stop"));
        }
        return stack;
    }

    /** The spans the stack's services exported. */
    static TraceCollector traces() {
        get();
        return traces;
    }

    static String gatewayUrl() {
        get();
        return gateway;
    }

    /** A request to the gateway with JSON decimals read as doubles. */
    static RequestSpecification api() {
        return given().baseUri(gatewayUrl()).config(RestAssured.config().jsonConfig(
                JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE)));
    }

    /** A dev token from the gateway (local profile), as a frontend team gets one. */
    static String token(String subject, String... roles) {
        return api().contentType("application/json").body(Map.of("subject", subject, "roles", List.of(roles)))
                .post("/api/v1/auth/dev-token").then().statusCode(200).extract().path("token");
    }

    /** A JSON request as a member, with one dev token per subject for the whole run. */
    static RequestSpecification member(String subject) {
        String token = MEMBER_TOKENS.computeIfAbsent(subject, s -> token(s, "member"));
        return api().auth().oauth2(token).contentType("application/json");
    }

    static RequestSpecification as(String subject, String... roles) {
        return api().auth().oauth2(token(subject, roles)).contentType("application/json");
    }
}

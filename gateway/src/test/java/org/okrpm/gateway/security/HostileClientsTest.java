package org.okrpm.gateway.security;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.okrpm.kit.testing.ProblemAssertions.assertProblem;
import static org.okrpm.kit.testing.TestTokens.api;
import static org.okrpm.kit.testing.TestTokens.asViewer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.smallrye.jwt.build.Jwt;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.okrpm.kit.testing.RawHttp;

/**
 * Issue 14's reproductions at the front door: the kit's strict request bodies, HTTP-layer problems and token time
 * checks hold at the gateway too (its own endpoints, and before anything is proxied).
 */
@QuarkusTest
class HostileClientsTest {

    private static final String DEV_TOKEN = "/api/v1/auth/dev-token";

    @Test
    void aNullRoleIsA400NotA500() {
        assertProblem(api().contentType("application/json").body("{\"subject\": \"alice\", \"roles\": [null]}")
                .post(DEV_TOKEN).then(), 400).body("errors[0].field", is("roles"));
        api().contentType("application/json").body("{\"subject\": \"alice\", \"roles\": [\"member\"]}")
                .post(DEV_TOKEN).then().statusCode(200).body("token", notNullValue());
    }

    @Test
    void strictJsonAtTheGatewaysOwnEndpoints() {
        assertProblem(api().contentType("application/json").body("{\"subject\": true, \"roles\": [\"member\"]}")
                .post(DEV_TOKEN).then(), 400).body("errors[0].field", is("subject"));
        assertProblem(api().contentType("application/json").body("{\"subject\": \"a\\u0000\", \"roles\": [\"member\"]}")
                .post(DEV_TOKEN).then(), 400).body("errors[0].field", is("subject"));
        assertProblem(api().contentType("application/json")
                .body("{\"subject\": \"alice\", \"roles\": [\"member\"]} {\"roles\": [\"admin\"]}")
                .post(DEV_TOKEN).then(), 400);
    }

    @Test
    void aBodyWithoutContentTypeIsA415Problem() throws Exception {
        RawHttp.Answer answer = RawHttp.send(host(), RestAssured.port, "POST " + DEV_TOKEN + " HTTP/1.1\r\n"
                + "Host: localhost\r\n", "{\"subject\": \"alice\", \"roles\": [\"member\"]}");
        assertThat(answer.status(), is(415));
        assertThat(answer.header("Content-Type"), startsWith("application/problem+json"));
        assertThat(new JsonObject(answer.body()).getInteger("status"), is(415));
    }

    @Test
    void aChunkedBodyOverOneMebibyteIsA413Problem() throws Exception {
        RawHttp.Answer answer = RawHttp.chunked(host(), RestAssured.port, "POST " + DEV_TOKEN + " HTTP/1.1\r\n"
                + "Host: localhost\r\nContent-Type: application/json\r\n", "{\"subject\": \"", 2 * 1024 * 1024,
                "\", \"roles\": [\"member\"]}");
        assertThat(answer.status(), is(413));
        assertThat(answer.header("Content-Type"), startsWith("application/problem+json"));
        assertThat(new JsonObject(answer.body()).getInteger("status"), is(413));
    }

    @Test
    void aPathOfFiveThousandCharactersIsA414Problem() {
        assertProblem(asViewer().get("/api/v1/objectives/" + "a".repeat(5000)).then(), 414);
    }

    @Test
    void aTokenIssuedInTheFutureOrLongExpiredIsA401() {
        long now = Instant.now().getEpochSecond();
        long year = Duration.ofDays(365).toSeconds();
        assertProblem(api().auth().oauth2(token(now + year, now + year + 3600)).get("/api/v1/objectives").then(), 401);
        assertProblem(api().auth().oauth2(token(now - 3600, now - 45)).get("/api/v1/objectives").then(), 401);
        api().auth().oauth2(token(now + 10, now + 3600)).get("/api/v1/objectives").then().statusCode(200);
    }

    private static String token(long issuedAt, long expiresAt) {
        return Jwt.issuer(ConfigProvider.getConfig().getValue("mp.jwt.verify.issuer", String.class))
                .subject("victor-" + issuedAt).groups(Set.of("viewer")).issuedAt(issuedAt).expiresAt(expiresAt)
                .sign();
    }

    private static String host() {
        return URI.create(RestAssured.baseURI).getHost();
    }
}
